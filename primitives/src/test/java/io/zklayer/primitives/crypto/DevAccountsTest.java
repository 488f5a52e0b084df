package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevAccountsTest {
    private static Map<String, String> vectorKeys() {
        Map<String, String> keys = new HashMap<>();
        for (JsonNode k : CryptoVectors.derivation().get("ed25519")) {
            keys.put(k.get("uri").asText(), k.get("publicKey").asText());
        }
        return keys;
    }

    @Test
    void everyDevAccountAndStashEqualsPolkadotJs() {
        Map<String, String> expected = vectorKeys();

        for (DevAccounts account : DevAccounts.all()) {
            assertThat(account.publicKey().toString()).as(account.uri()).isEqualTo(expected.get(account.uri()));
            assertThat(account.stashPublicKey().toString()).as(account.stashUri())
                    .isEqualTo(expected.get(account.stashUri()));
        }
    }

    @Test
    void aliceHasTheWellKnownAddress() {
        assertThat(DevAccounts.ALICE.address()).isEqualTo("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
        assertThat(DevAccounts.ALICE.uri()).isEqualTo("//Alice");
        assertThat(DevAccounts.ALICE.stashUri()).isEqualTo("//Alice//stash");
    }

    @Test
    void accountsComeInTheUsualOrderWithTwelveDistinctKeys() {
        assertThat(DevAccounts.all()).extracting(DevAccounts::displayName)
                .containsExactly("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie");
        Set<Ed25519PublicKey> keys = new HashSet<>();
        for (DevAccounts account : DevAccounts.all()) {
            keys.add(account.publicKey());
            keys.add(account.stashPublicKey());
        }
        assertThat(keys).hasSize(12);
    }

    @Test
    void byNameIgnoresCaseAndRejectsUnknownNames() {
        assertThat(DevAccounts.byName("alice")).contains(DevAccounts.ALICE);
        assertThat(DevAccounts.byName("FERDIE")).contains(DevAccounts.FERDIE);
        assertThat(DevAccounts.byName("mallory")).isEmpty();
        assertThat(DevAccounts.byName(null)).isEmpty();
    }

    @Test
    void cachedPairSignsLikeAFreshlyDerivedOne() {
        byte[] message = {1, 2, 3};

        assertThat(DevAccounts.EVE.keyPair().sign(message))
                .isEqualTo(Ed25519KeyPair.fromSecretUri("//Eve").sign(message));
        assertThat(DevAccounts.EVE.keyPair()).isSameAs(DevAccounts.EVE.keyPair());
    }
}
