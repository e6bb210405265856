package com.upgradecoordination.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.BindingContext;

class IfMatchArgumentResolverTest {

    private final IfMatchArgumentResolver resolver = new IfMatchArgumentResolver();

    @SuppressWarnings("unused")
    void handler(String id, IfMatch ifMatch) {
    }

    @Test
    void resolvesOnlyIfMatchParameters() throws NoSuchMethodException {
        Method handler = getClass().getDeclaredMethod("handler", String.class, IfMatch.class);
        assertThat(resolver.supportsParameter(new MethodParameter(handler, 0))).isFalse();
        assertThat(resolver.supportsParameter(new MethodParameter(handler, 1))).isTrue();
    }

    @Test
    void aVersionQuotedOrBareIsTheExpectedVersion() {
        assertThat(versionOf("\"3\"")).isEqualTo(3L);
        assertThat(versionOf("3")).isEqualTo(3L);
        assertThat(versionOf(" \"0\" ")).isEqualTo(0L);
        assertThat(versionOf("\"" + "9".repeat(18) + "\"")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void noHeaderAStarOrAnEmptyHeaderMeanNoVersionCheck() {
        assertThat(resolve().version()).isNull();
        assertThat(versionOf("*")).isNull();
        assertThat(versionOf("")).isNull();
    }

    @Test
    void weakTagsListsAndWhatIsNoVersionAreInvalidInputOnlyWhenTheVersionIsAskedFor() {
        for (String malformed : List.of("W/\"0\"", "\"-1\"", "-1", "abc", "0.0", "\"\"", "\"0", "**",
                "\"" + "7".repeat(19) + "\"")) {
            IfMatch ifMatch = resolve(malformed);
            assertThatThrownBy(ifMatch::version).as(malformed).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("If-Match: send the ETag of the resource as read, for example \"3\" "
                            + "(or * for no version check); '" + malformed.trim() + "' is not a version");
        }
    }

    @Test
    void aListOfTagsOnOneLineOrOnSeveralIsRefusedNamingTheTags() {
        assertThatThrownBy(() -> versionOf("\"0\", \"1\"")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'\"0\", \"1\"' is not a version");
        assertThatThrownBy(() -> resolve("\"0\"", "\"1\"").version()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'\"0\", \"1\"' is not a version");
    }

    @Test
    void aLongValueIsEchoedShortened() {
        String value = "9".repeat(400);
        assertThatThrownBy(() -> versionOf(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("'" + "9".repeat(60) + "...' is not a version");
    }

    /** The values are those {@code @RequestHeader(IfMatch.HEADER) List<String>} bound before the resolver. */
    @Test
    void oneHeaderLineIsSplitAtItsCommasAsSpringsHeaderBindingSplitsIt() {
        var conversion = new DefaultFormattingConversionService();
        TypeDescriptor listOfStrings = TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(String.class));
        for (String line : List.of("\"3\"", " 3 ", "\"0\", \"1\"", "a,,b", "", ",", "W/\"1\" ,*")) {
            assertThat(resolve(line).values()).as(line)
                    .isEqualTo(conversion.convert(line, TypeDescriptor.valueOf(String.class), listOfStrings));
        }
    }

    private Long versionOf(String header) {
        return resolve(header).version();
    }

    private IfMatch resolve(String... headerLines) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/things/1/step")
                .header(IfMatch.HEADER, headerLines));
        try {
            Method handler = getClass().getDeclaredMethod("handler", String.class, IfMatch.class);
            return resolver.resolveArgumentValue(new MethodParameter(handler, 1), new BindingContext(), exchange);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
