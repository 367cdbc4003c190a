package cn.fasheng.platform.error;

import org.springframework.http.HttpStatus;

public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "与现有数据冲突", detail);
    }
}
