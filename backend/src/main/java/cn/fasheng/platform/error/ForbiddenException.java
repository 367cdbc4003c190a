package cn.fasheng.platform.error;

import org.springframework.http.HttpStatus;

/** Signed in, but this person may not do this (e.g. approve what they wrote themselves). */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "没有权限", detail);
    }
}
