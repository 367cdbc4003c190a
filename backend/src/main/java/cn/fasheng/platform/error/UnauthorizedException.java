package cn.fasheng.platform.error;

import org.springframework.http.HttpStatus;

public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "未登录或登录已失效", detail);
    }
}
