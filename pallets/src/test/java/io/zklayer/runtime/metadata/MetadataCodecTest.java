package io.zklayer.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.runtime.api.RuntimeApis;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {
    private static final RuntimeMetadata METADATA =
            MetadataBuilder.build(ZklayerRuntime.create(RuntimeParameters.defaults()), RuntimeApis.DESCRIPTORS);
    private static final byte[] V14 = MetadataCodec.encode(METADATA, 14);
    private static final byte[] V15 = MetadataCodec.encode(METADATA, 15);

    @Test
    void aRegistryEncodesAsScaleInfoDoes() {
        TypeRegistryBuilder b = new TypeRegistryBuilder();
        b.sequence(b.primitive(PrimitiveType.U8));
        // 2 types; u8: id 0, no path, no params, Primitive(U8), no docs; Vec<u8>: id 1, Sequence(0)
        assertThat(Hex.encode(MetadataCodec.REGISTRY.encode(b.build()))).isEqualTo("0x08000000050300040000020000");
    }

    @Test
    void bothVersionsStartWithTheMagicAndTheirVersion() {
        assertThat(Arrays.copyOf(V14, 5)).containsExactly(0x6d, 0x65, 0x74, 0x61, 14);
        assertThat(Arrays.copyOf(V15, 5)).containsExactly(0x6d, 0x65, 0x74, 0x61, 15);
    }

    @Test
    void decodingAndReencodingGivesTheSameBytesInBothVersions() {
        RuntimeMetadata fromV14 = MetadataCodec.decode(V14);
        RuntimeMetadata fromV15 = MetadataCodec.decode(V15);
        assertThat(MetadataCodec.encode(fromV14, 14)).isEqualTo(V14);
        assertThat(MetadataCodec.encode(fromV15, 15)).isEqualTo(V15);
        assertThat(fromV15.types()).isEqualTo(METADATA.types());
        assertThat(fromV15.extrinsic()).isEqualTo(METADATA.extrinsic());
        assertThat(fromV15.apis()).isEqualTo(METADATA.apis());
        assertThat(fromV15.outerEnums()).isEqualTo(METADATA.outerEnums());
        assertThat(fromV14.extrinsic()).isEqualTo(METADATA.extrinsic());
        assertThat(fromV14.pallets()).extracting(RuntimeMetadata.Pallet::name)
                .containsExactlyElementsOf(METADATA.pallets().stream().map(RuntimeMetadata.Pallet::name).toList());
    }

    @Test
    void v14LeavesOutTheApisAndOuterEnumsThatV15Carries() {
        assertThat(MetadataCodec.decode(V14).apis()).isEmpty();
        assertThat(MetadataCodec.decode(V14).outerEnums()).isEmpty();
        assertThat(MetadataCodec.decode(V15).apis()).extracting(RuntimeMetadata.RuntimeApi::name)
                .containsExactly("Core", "Metadata", "TaggedTransactionQueue", "AccountNonceApi", "TransactionPaymentApi");
        assertThat(V15.length).isGreaterThan(V14.length);
    }

    @Test
    void refusesOtherMagicOtherVersionsAndTrailingBytes() {
        byte[] bad = V14.clone();
        bad[0] = 0x00;
        assertThatThrownBy(() -> MetadataCodec.decode(bad)).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("magic");
        byte[] v13 = V14.clone();
        v13[4] = 13;
        assertThatThrownBy(() -> MetadataCodec.decode(v13)).hasMessageContaining("unsupported metadata version 13");
        byte[] longer = Arrays.copyOf(V15, V15.length + 1);
        assertThatThrownBy(() -> MetadataCodec.decode(longer)).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> MetadataCodec.encode(METADATA, 16)).hasMessageContaining("must be one of [14, 15]");
    }

    @Test
    void refusesARegistryThatRefersToAMissingType() {
        TypeRegistryBuilder b = new TypeRegistryBuilder();
        b.sequence(b.primitive(PrimitiveType.U8));
        byte[] registry = MetadataCodec.REGISTRY.encode(b.build());
        registry[registry.length - 2] = 0x08; // Sequence(0) -> Sequence(2)
        assertThatThrownBy(() -> MetadataCodec.REGISTRY.decode(registry)).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("refers to type 2, which does not exist");
    }

    @Test
    void theRegistryRefusesOnePathWithTwoShapes() {
        TypeRegistryBuilder b = new TypeRegistryBuilder();
        int u8 = b.primitive(PrimitiveType.U8);
        int u32 = b.primitive(PrimitiveType.U32);
        b.add(List.of("a", "B"), List.of(), new TypeDef.Composite(List.of(TypeField.unnamed(u8, null))), List.of());
        b.add(List.of("a", "B"), List.of(), new TypeDef.Composite(List.of(TypeField.unnamed(u32, null))), List.of());
        assertThatThrownBy(b::build).hasMessageContaining("share path a::B and parameters but differ in shape");
    }

    @Property(tries = 300, seed = "42")
    void truncatedOrCorruptedMetadataIsADecodeErrorNeverACrash(@ForAll @IntRange(min = 0, max = 20_000) int cut,
                                                               @ForAll @IntRange(min = 0, max = 20_000) int flip,
                                                               @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = Arrays.copyOf(V15, Math.min(cut, V15.length));
        if (bytes.length > 0) {
            bytes[flip % bytes.length] ^= (byte) mask;
        }
        try {
            RuntimeMetadata m = MetadataCodec.decode(bytes);
            assertThat(MetadataCodec.encode(m, 15)).isEqualTo(bytes);
        } catch (ScaleDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
