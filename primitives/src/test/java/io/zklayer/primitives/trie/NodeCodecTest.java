package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import org.junit.jupiter.api.Test;

/** The node codec's exact bytes and its refusals of malformed nodes. */
class NodeCodecTest {
    private static byte[] encodeLeaf(int nibbles, TrieLayout layout, byte[] value) {
        Node leaf = Node.leaf(new byte[nibbles], Value.of(value));
        return NodeCodec.encode(leaf, layout, c -> {
            throw new AssertionError("a leaf has no children");
        });
    }

    @Test
    void encodesSpTrieSingleTupleLeaf() {
        Node leaf = Node.leaf(Nibbles.fromBytes(Hex.decode("0xaa")), Value.of(Hex.decode("0xbb")));
        assertThat(Hex.encode(NodeCodec.encode(leaf, TrieLayout.V1, c -> null))).isEqualTo("0x42aa04bb");
    }

    @Test
    void writesNibbleCountContinuationBytes() {
        assertThat(Hex.encode(encodeLeaf(62, TrieLayout.V0, new byte[0])).substring(0, 4)).isEqualTo("0x7e");
        assertThat(Hex.encode(encodeLeaf(63, TrieLayout.V0, new byte[0])).substring(0, 6)).isEqualTo("0x7f00");
        assertThat(Hex.encode(encodeLeaf(64, TrieLayout.V0, new byte[0])).substring(0, 6)).isEqualTo("0x7f01");
        assertThat(Hex.encode(encodeLeaf(316, TrieLayout.V0, new byte[0])).substring(0, 6)).isEqualTo("0x7ffd");
        assertThat(Hex.encode(encodeLeaf(318, TrieLayout.V0, new byte[0])).substring(0, 8)).isEqualTo("0x7fff00");
    }

    @Test
    void hashesValuesOfThirtyThreeBytesOnlyInV1() {
        byte[] v33 = new byte[33];
        assertThat(encodeLeaf(2, TrieLayout.V0, v33)[0] & 0xFF).isEqualTo(0x42);
        byte[] v1 = encodeLeaf(2, TrieLayout.V1, v33);
        assertThat(v1[0] & 0xFF).isEqualTo(0b0010_0010);
        assertThat(v1).hasSize(1 + 1 + 32);
        assertThat(encodeLeaf(2, TrieLayout.V1, new byte[32])[0] & 0xFF).isEqualTo(0x42);
    }

    @Test
    void decodesWhatItEncodesForEveryNibbleCountBoundary() {
        for (int n : new int[] {0, 1, 14, 15, 16, 30, 31, 62, 63, 64, 317, 318, 600}) {
            for (TrieLayout layout : TrieLayout.values()) {
                byte[] enc = encodeLeaf(n, layout, new byte[40]);
                Node back = NodeCodec.decode(enc);
                assertThat(back.partial).hasSize(n);
                assertThat(back.isLeaf()).isTrue();
            }
        }
    }

    @Test
    void rejectsHeaderOfTheEmptyTrieAsANode() {
        assertThatThrownBy(() -> NodeCodec.decode(new byte[] {0})).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("empty trie");
    }

    @Test
    void rejectsUnknownHeaderKind() {
        assertThatThrownBy(() -> NodeCodec.decode(new byte[] {0b0000_0101, 0})).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("no node kind");
    }

    @Test
    void rejectsTruncatedLeafValue() {
        assertThatThrownBy(() -> NodeCodec.decode(Hex.decode("0x42aa08bb"))).isInstanceOf(ScaleDecodeException.class);
    }

    @Test
    void rejectsOddPartialKeyWithNonZeroPadNibble() {
        assertThatThrownBy(() -> NodeCodec.decode(Hex.decode("0x41f104bb"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("pad nibble");
    }

    @Test
    void rejectsBranchWithoutChildren() {
        assertThatThrownBy(() -> NodeCodec.decode(Hex.decode("0x800000"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("at least one child");
    }

    @Test
    void rejectsInlineChildLongerThanAHash() {
        byte[] node = new byte[1 + 2 + 1 + 33];
        node[0] = (byte) 0x80;
        node[1] = 0x01;
        node[3] = (byte) (33 << 2);
        assertThatThrownBy(() -> NodeCodec.decode(node)).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("shorter than 32");
    }

    @Test
    void rejectsTrailingBytes() {
        assertThatThrownBy(() -> NodeCodec.decode(Hex.decode("0x42aa04bb00"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void rejectsNibbleCountAboveTheBound() {
        byte[] node = new byte[300];
        node[0] = 0x7f;
        java.util.Arrays.fill(node, 1, node.length, (byte) 0xff);
        assertThatThrownBy(() -> NodeCodec.decode(node)).isInstanceOf(ScaleDecodeException.class);
    }
}
