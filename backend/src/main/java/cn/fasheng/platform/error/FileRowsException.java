package cn.fasheng.platform.error;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** An imported file with mistakes: every mistake by spreadsheet row and column, and nothing imported. */
public class FileRowsException extends ProblemException {

    /** A mistake in the file; rows are numbered as the spreadsheet shows them (header = 1). */
    public record RowError(int row, String column, String message) {
    }

    public FileRowsException(String title, List<RowError> errors) {
        super(HttpStatus.BAD_REQUEST, title, "文件中有 " + errors.size() + " 处错误，未导入任何数据，请修改后重新上传");
        getBody().setProperty("errors", errors.stream()
                .map(e -> Map.of("row", e.row(), "column", e.column(), "message", e.message())).toList());
    }
}
