package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.systemtests.DocumentedOperations.Operation;
import com.upgradecoordination.systemtests.MalformedRequests.KnownIds;
import com.upgradecoordination.systemtests.MalformedRequests.MalformedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator of BadInputStays4xxIT on its own: every case of many seeds can be built, and a seed repeats itself. */
class MalformedRequestsTest {

    private static final KnownIds IDS = new KnownIds("bad.input", "engagement-1", "ticket-1");

    @Test
    void everyDocumentedOperationGetsBuildableBrokenRequestsAndASeedReproducesThem() {
        List<Operation> operations = DocumentedOperations.all();
        assertThat(operations).isNotEmpty();
        for (long seed : new long[] {BadInputStays4xxIT.SEED, 11}) {
            for (Operation operation : operations) {
                for (int index = 0; index < 300; index++) {
                    MalformedRequest request = MalformedRequests.generate(operation, IDS, seed, index);
                    assertThat(request.mutations()).as("%s case %d", operation, index).isNotEmpty();
                    assertThat(operation.allowedRoles()).contains(request.role());
                    assertThat(request.pathAndQuery()).startsWith("/");
                    if (index % 50 == 0) {
                        assertThat(MalformedRequests.generate(operation, IDS, seed, index).describe())
                                .isEqualTo(request.describe());
                    }
                }
            }
        }
    }
}
