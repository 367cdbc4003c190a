package cn.fasheng.debate;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.fasheng.platform.error.ProblemException;

/** A roster file with mistakes: every mistake by row and column, and nothing imported. */
class RosterImportException extends ProblemException {

    record RowError(int row, String column, String message) {
    }

    RosterImportException(List<RowError> errors) {
        super(HttpStatus.BAD_REQUEST, "名单文件有误", "名单中有 " + errors.size() + " 处错误，未导入任何数据，请修改后重新上传");
        getBody().setProperty("errors", errors.stream()
                .map(e -> Map.of("row", e.row(), "column", e.column(), "message", e.message())).toList());
    }
}
