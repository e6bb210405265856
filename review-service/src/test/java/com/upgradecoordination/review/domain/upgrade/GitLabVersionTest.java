package com.upgradecoordination.review.domain.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GitLabVersionTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"16.3.9,16.3.9", "16.3,16.3", "' 17.11.7 ',17.11.7", "16.3.9-ee,16.3.9", "15.0.5-CE,15.0.5",
        "18.2,18.2", "0.0.0,0.0.0"})
    void parsesMajorMinorAndOptionalPatch(String text, String parsed) {
        assertThat(GitLabVersion.parse(text)).hasToString(parsed);
    }

    @Test
    void exposesItsParts() {
        GitLabVersion version = GitLabVersion.parse("16.3.9");
        assertThat(version.major()).isEqualTo(16);
        assertThat(version.minor()).isEqualTo(3);
        assertThat(version.patch()).hasValue(9);
        assertThat(GitLabVersion.parse("16.3").patch()).isEmpty();
        assertThat(GitLabVersion.latestPatchOf(18, 2)).isEqualTo(GitLabVersion.parse("18.2"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"16", "16.x", "v16.3.9", "16.3.9.1", "sixteen", "16..3", "16.3.", "-16.3", "16.3.9-rc1",
        "16.3.9 ee", "1234.1.1"})
    void refusesGarbageWithAClearMessage(String text) {
        assertThatThrownBy(() -> GitLabVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a GitLab version; write major.minor.patch or major.minor, "
                        + "e.g. 16.3.9 or 16.3");
        assertThat(GitLabVersion.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void refusesNothing(String text) {
        assertThatThrownBy(() -> GitLabVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a GitLab version is required, e.g. 16.3.9");
    }

    @Test
    void ordersByMajorMinorPatchWithALatestPatchAfterEveryPatchOfItsMinor() {
        List<GitLabVersion> sorted = Stream.of("17.0.1", "16.11.10", "16.3", "16.3.9", "16.3.10", "9.5.0", "16.4.0")
                .map(GitLabVersion::parse).sorted().toList();
        assertThat(sorted).extracting(GitLabVersion::toString)
                .containsExactly("9.5.0", "16.3.9", "16.3.10", "16.3", "16.4.0", "16.11.10", "17.0.1");
        assertThat(GitLabVersion.parse("16.10.0").isNewerThan(GitLabVersion.parse("16.9.9"))).isTrue();
        assertThat(GitLabVersion.parse("16.3.9").isNewerThan(GitLabVersion.parse("16.3.9"))).isFalse();
    }

    @Test
    void aStopIsIdentifiedByItsMajorMinor() {
        GitLabVersion stop = GitLabVersion.parse("15.11.13");
        assertThat(GitLabVersion.parse("15.11.11").sameMinorAs(stop)).isTrue();
        assertThat(GitLabVersion.parse("15.11").sameMinorAs(stop)).isTrue();
        assertThat(GitLabVersion.parse("15.1.13").sameMinorAs(stop)).isFalse();
        assertThat(GitLabVersion.parse("16.11.13").sameMinorAs(stop)).isFalse();
        assertThat(GitLabVersion.parse("15.11.1").compareMinorTo(stop)).isZero();
        assertThat(GitLabVersion.parse("15.4.6").compareMinorTo(stop)).isNegative();
    }

    @Test
    void aVersionWithoutPatchMatchesAnyPatchOfItsMinor() {
        assertThat(GitLabVersion.parse("18.5.3").matches(GitLabVersion.parse("18.5"))).isTrue();
        assertThat(GitLabVersion.parse("18.5").matches(GitLabVersion.parse("18.5.3"))).isTrue();
        assertThat(GitLabVersion.parse("18.5.3").matches(GitLabVersion.parse("18.5.3"))).isTrue();
        assertThat(GitLabVersion.parse("18.5.3").matches(GitLabVersion.parse("18.5.1"))).isFalse();
        assertThat(GitLabVersion.parse("18.6").matches(GitLabVersion.parse("18.5"))).isFalse();
    }

    @Test
    void equalityIncludesThePatch() {
        assertThat(GitLabVersion.parse("16.3.9")).isEqualTo(GitLabVersion.parse("16.3.9-ee"))
                .hasSameHashCodeAs(GitLabVersion.parse("16.3.9")).isNotEqualTo(GitLabVersion.parse("16.3"));
    }
}
