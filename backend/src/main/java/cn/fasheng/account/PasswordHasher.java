package cn.fasheng.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BCrypt is deliberately slow, so it runs off the event loop. */
@Component
class PasswordHasher {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    // Compared against when the account does not exist, so both cases take the same time.
    private final String decoy = encoder.encode("decoy-password-for-timing");

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash == null ? decoy : hash))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
