package org.relais.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets as partners make them, built in code. */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /** A forecast budget on the model, in Romanian, with a title above a table that does not start at A1. */
    public static byte[] romanianForecast() {
        return workbook("Buget", ROMANIAN_FORECAST);
    }

    /** The rows of {@link #romanianForecast()}: balanced, so the budget flow accepts it. */
    public static final String[][] ROMANIAN_FORECAST = {
            {"Buget previzional — Seminarul de la Argeș, septembrie 2009 — sume în RON"},
            {},
            {"", "", "Cheltuieli", "", "Venituri", ""},
            {"", "", "Numerar", "În natură", "Numerar", "În natură"},
            {"", "Cheltuieli de transport ale participanților", "1200", "0", "1200", "0"},
            {"", "Cazare", "2500", "0", "2500", "0"},
            {"", "Masă", "1800", "0", "1800", "0"},
            {"", "Traducere", "600", "400", "600", "400"},
            {"", "Comunicare", "300", "0", "300", "0"},
            {"", "Închiriere săli", "500", "0", "500", "0"},
            {"", "Timp de lucru", "0", "1500", "0", "1500"},
            {"", "Total", "6900", "1900", "6900", "1900"}};

    public static byte[] attendanceSheet() {
        return workbook("Prezență", new String[][] {
                {"Listă de prezență"},
                {"Nume", "Prenume", "Instituția", "Categorie", "Semnătura"},
                {"Popescu", "Ion", "CJ Argeș", "ales", ""}});
    }

    public static byte[] workbook(String sheetName, String[][] rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
