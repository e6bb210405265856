package com.upgradecoordination.coordination.web;

import com.upgradecoordination.platform.personaldata.ErasePersonalDataCommand;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Erasure of one person's personal data on request (docs/personal-data.md). The person is in the
 * body, not the path: the path is stored as each event's origin, and the answer (kept for
 * Idempotency-Key) names the person by hash only.
 */
@RestController
@RequestMapping("/personal-data")
public class PersonalDataController {

    private final CommandDispatcher commands;

    public PersonalDataController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** @param person the principal name or address, exactly as the service stores it */
    record Erasure(@NotBlank @Size(max = 255) String person) {
    }

    /**
     * Destroys the person's keys: every stored field of theirs reads "erased" from now on, in the
     * history, the state as of any point and the read models. 201 with the erasure's audit history,
     * also when this service holds nothing of the person (keysErased 0): the erasure is published,
     * and review-service and notification-service forget the person too.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/erasures")
    public Mono<ResponseEntity<Map<String, Object>>> erase(@Valid @RequestBody Erasure body) {
        ErasePersonalDataCommand command = new ErasePersonalDataCommand(body.person());
        String personHash = command.personHash();
        return commands.<Integer>send(command)
                .map(keysErased -> Answers.created("/audit/aggregates/" + personHash + "/history",
                        Map.of("personHash", personHash, "keysErased", keysErased)));
    }
}
