package cn.fasheng.platform.error;

import org.springframework.http.HttpStatus;

public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "未找到", detail);
    }
}
