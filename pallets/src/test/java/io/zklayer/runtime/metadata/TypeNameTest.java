package io.zklayer.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypeNameTest {
    @Test
    void parsesGenericsTuplesAndArraysNested() {
        TypeName t = TypeName.parse("Option<(u32, [u8; 4])>");
        assertThat(t.kind()).isEqualTo(TypeName.Kind.NAMED);
        assertThat(t.name()).isEqualTo("Option");
        TypeName tuple = t.args().get(0);
        assertThat(tuple.kind()).isEqualTo(TypeName.Kind.TUPLE);
        assertThat(tuple.args()).extracting(TypeName::text).containsExactly("u32", "[u8; 4]");
        TypeName array = tuple.args().get(1);
        assertThat(array.kind()).isEqualTo(TypeName.Kind.ARRAY);
        assertThat(array.length()).isEqualTo(4);
        assertThat(array.args().get(0).name()).isEqualTo("u8");
    }

    @Test
    void normalizesSpacingSoEqualTypesHaveEqualText() {
        assertThat(TypeName.parse(" BTreeMap< H256 ,Vec<u8> > ").text()).isEqualTo("BTreeMap<H256, Vec<u8>>");
        assertThat(TypeName.parse("[u8;32]").text()).isEqualTo("[u8; 32]");
        assertThat(TypeName.parse("( )").args()).isEmpty();
        assertThat(TypeName.parse("()").text()).isEqualTo("()");
    }

    @Test
    void refusesMalformedNamesQuotingThem() {
        assertThatThrownBy(() -> TypeName.parse("Vec<u8")).hasMessageContaining("'Vec<u8'");
        assertThatThrownBy(() -> TypeName.parse("[u8; x]")).hasMessageContaining("array length is not a number");
        assertThatThrownBy(() -> TypeName.parse("(u8,,u8)")).hasMessageContaining("empty element");
        assertThatThrownBy(() -> TypeName.parse("Vec<u8>>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypeName.parse("a b")).hasMessageContaining("unexpected character");
        assertThatThrownBy(() -> TypeName.parse("")).hasMessageContaining("empty type name");
        assertThatThrownBy(() -> TypeName.parse("[u8; 4294967296]")).hasMessageContaining("out of u32 range");
    }
}
