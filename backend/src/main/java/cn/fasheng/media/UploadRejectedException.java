package cn.fasheng.media;

import org.springframework.http.HttpStatus;

import cn.fasheng.platform.error.ProblemException;

/** An upload that is too large or not of an accepted kind; nothing of it is kept. */
public class UploadRejectedException extends ProblemException {

    public UploadRejectedException(HttpStatus status, String detail) {
        super(status, "文件不能上传", detail);
    }
}
