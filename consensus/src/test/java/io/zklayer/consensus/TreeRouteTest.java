package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import org.junit.jupiter.api.Test;

/** The route between two blocks retracts down to the common ancestor and enacts up to the target. */
class TreeRouteTest {
    private final BlockAncestryTest.Headers store = new BlockAncestryTest.Headers();
    private final Header genesis = store.add(null, 0);
    private final Header one = store.add(genesis, 1);
    private final Header a2 = store.add(one, 2);
    private final Header b2 = store.add(one, 3);
    private final Header b3 = store.add(b2, 4);

    private static ChainHead head(Header h) {
        return new ChainHead(h.hash(), h.number());
    }

    @Test
    void aReorganizationRetractsTheOldBranchHighestFirstAndEnactsTheNewOneLowestFirst() {
        TreeRoute route = TreeRoute.between(store, head(a2), head(b3)).orElseThrow();
        assertThat(route.retracted()).containsExactly(head(a2));
        assertThat(route.common()).isEqualTo(head(one));
        assertThat(route.enacted()).containsExactly(head(b2), head(b3));
        TreeRoute back = TreeRoute.between(store, head(b3), head(a2)).orElseThrow();
        assertThat(back.retracted()).containsExactly(head(b3), head(b2));
        assertThat(back.enacted()).containsExactly(head(a2));
    }

    @Test
    void anExtensionRetractsNothingAndTheSameBlockIsAnEmptyRoute() {
        TreeRoute route = TreeRoute.between(store, head(genesis), head(b3)).orElseThrow();
        assertThat(route.retracted()).isEmpty();
        assertThat(route.enacted()).containsExactly(head(one), head(b2), head(b3));
        TreeRoute none = TreeRoute.between(store, head(b3), head(b3)).orElseThrow();
        assertThat(none.retracted()).isEmpty();
        assertThat(none.enacted()).isEmpty();
        assertThat(none.common()).isEqualTo(head(b3));
    }

    @Test
    void anUnknownBlockHasNoRoute() {
        ChainHead unknown = new ChainHead(H256.blake2b256Of(new byte[] {9}), 3);
        assertThat(TreeRoute.between(store, head(a2), unknown)).isEmpty();
    }
}
