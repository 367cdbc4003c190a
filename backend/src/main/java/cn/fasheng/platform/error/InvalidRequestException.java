package cn.fasheng.platform.error;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request that breaks a rule the field annotations cannot express; names the field like validation does. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "请求参数有误", message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
