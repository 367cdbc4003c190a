package cn.fasheng.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At least 10 characters, and at most the 72 bytes BCrypt reads (in UTF-8 a Chinese character takes 3).
 * Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PasswordRule.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordRule {

    int MIN_CHARACTERS = 10;
    int MAX_BYTES = 72;

    String message() default "密码至少 10 个字符，且不超过 72 字节（约 72 个英文字符或 24 个汉字）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordRule, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || isAcceptable(password);
        }

        static boolean isAcceptable(String password) {
            return password.codePointCount(0, password.length()) >= MIN_CHARACTERS
                    && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
