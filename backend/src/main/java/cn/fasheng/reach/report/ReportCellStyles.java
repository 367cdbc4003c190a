package cn.fasheng.reach.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The few cell styles of the report's workbook, made once: a workbook has room for only so many. */
final class ReportCellStyles {

    final XSSFCellStyle heading;
    final XSSFCellStyle title;
    final XSSFCellStyle header;
    final XSSFCellStyle number;
    final XSSFCellStyle percent;
    final XSSFCellStyle date;
    final XSSFCellStyle totalText;
    final XSSFCellStyle totalNumber;

    ReportCellStyles(XSSFWorkbook workbook) {
        heading = workbook.createCellStyle();
        heading.setFont(font(workbook, 14));
        title = workbook.createCellStyle();
        title.setFont(font(workbook, 18));
        header = workbook.createCellStyle();
        header.setFont(font(workbook, 11));
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setAlignment(HorizontalAlignment.CENTER);
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        totalText = workbook.createCellStyle();
        totalText.setFont(font(workbook, 11));
        totalText.setBorderTop(BorderStyle.THIN);
        totalNumber = workbook.createCellStyle();
        totalNumber.cloneStyleFrom(totalText);
        totalNumber.setDataFormat(number.getDataFormat());
    }

    private static XSSFFont font(XSSFWorkbook workbook, int points) {
        XSSFFont font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) points);
        return font;
    }
}
