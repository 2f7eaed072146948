package org.relais.spreadsheet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.poi.hssf.usermodel.HSSFEvaluationWorkbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaParsingWorkbook;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaRenderingWorkbook;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.Area3DPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPtg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Computes the formulas a file holds without their result (spreadsheet libraries and many web exports write them so)
 * with POI's evaluator, within a budget: ranges that reach past a sheet's used range (a whole column, a whole sheet)
 * are cut to it first, a formula whose ranges and the formulas they reach would read more cells than
 * {@link ReadingLimits#maxFormulaReads()} is left uncomputed, as is every formula still waiting when
 * {@link ReadingLimits#formulaTime()} has passed, and so are the functions that reach cells no formula text names
 * (INDIRECT, OFFSET) and links to other files. A formula left uncomputed is absent from the result: the caller says
 * so, with the formula's text, rather than give it a value it does not have.
 */
final class FormulaComputation {

    private static final Set<String> UNBOUNDED_FUNCTIONS = Set.of("INDIRECT", "OFFSET");

    private record UsedRange(int lastRow, int lastColumn) {
    }

    private final Workbook workbook;
    private final ReadingLimits limits;
    private final Clock clock;
    private final EvaluationWorkbook evaluation;
    private final Map<Integer, UsedRange> usedRanges = new HashMap<>();
    private final Map<Integer, TreeMap<Integer, List<Cell>>> formulasBySheet = new HashMap<>();

    FormulaComputation(Workbook workbook, ReadingLimits limits, Clock clock) {
        this.workbook = workbook;
        this.limits = limits;
        this.clock = clock;
        this.evaluation = workbook instanceof HSSFWorkbook hssf ? HSSFEvaluationWorkbook.create(hssf)
                : XSSFEvaluationWorkbook.create((XSSFWorkbook) workbook);
    }

    /** The results of the given formula cells that could be computed within the budget. */
    Map<Cell, CellValue> compute(List<Cell> withoutResult) {
        Instant deadline = clock.instant().plus(limits.formulaTime());
        survey();
        cutNamesToUsedRanges();
        for (TreeMap<Integer, List<Cell>> rows : formulasBySheet.values()) {
            for (List<Cell> cells : rows.values()) {
                if (!clock.instant().isBefore(deadline)) {
                    return Map.of();
                }
                cells.forEach(this::cutToUsedRanges);
            }
        }
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        Map<Cell, CellValue> results = new HashMap<>();
        long budget = limits.maxFormulaReads();
        for (Cell cell : withoutResult) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            Reach reach = new Reach(budget);
            if (!reach.ofCell(cell)) {
                continue;
            }
            budget -= reach.reads;
            try {
                results.put(cell, evaluator.evaluate(cell));
            } catch (RuntimeException e) {
                // a function POI does not implement, a circular reference: not computed, and said so
            }
        }
        return results;
    }

    /** Each sheet's used range (the last row and column holding anything) and its formula cells. */
    private void survey() {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            int lastRow = 0;
            int lastColumn = 0;
            TreeMap<Integer, List<Cell>> formulas = new TreeMap<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.BLANK) {
                        continue;
                    }
                    lastRow = Math.max(lastRow, cell.getRowIndex());
                    lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.computeIfAbsent(cell.getRowIndex(), r -> new ArrayList<>()).add(cell);
                    }
                }
            }
            usedRanges.put(s, new UsedRange(lastRow, lastColumn));
            formulasBySheet.put(s, formulas);
        }
    }

    private void cutNamesToUsedRanges() {
        for (Name name : workbook.getAllNames()) {
            try {
                if (name.getRefersToFormula() == null || name.isFunctionName()) {
                    continue;
                }
                Ptg[] tokens = parse(name.getRefersToFormula(), FormulaType.NAMEDRANGE, Math.max(name.getSheetIndex(), 0), 0);
                if (cut(tokens, Math.max(name.getSheetIndex(), 0))) {
                    name.setRefersToFormula(FormulaRenderer.toFormulaString((FormulaRenderingWorkbook) evaluation, tokens));
                }
            } catch (RuntimeException e) {
                // a name that cannot be read is left as it is; a formula reaching it is bounded by the budget
            }
        }
    }

    private void cutToUsedRanges(Cell cell) {
        try {
            int sheet = workbook.getSheetIndex(cell.getSheet());
            Ptg[] tokens = parse(cell.getCellFormula(), FormulaType.CELL, sheet, cell.getRowIndex());
            if (cut(tokens, sheet)) {
                cell.setCellFormula(FormulaRenderer.toFormulaString((FormulaRenderingWorkbook) evaluation, tokens));
            }
        } catch (RuntimeException e) {
            // an array formula or one POI cannot parse keeps its text: its reach counts whole, or it is not computed
        }
    }

    /** Cuts every range of the formula to its sheet's used range; whether any was cut. */
    private boolean cut(Ptg[] tokens, int formulaSheet) {
        boolean cut = false;
        for (Ptg token : tokens) {
            if (token instanceof AreaPtgBase area) {
                int sheet = sheetOf(token, formulaSheet);
                UsedRange used = usedRanges.get(sheet);
                if (used == null) {
                    continue;
                }
                if (area.getLastRow() > used.lastRow()) {
                    area.setLastRow(Math.max(area.getFirstRow(), used.lastRow()));
                    cut = true;
                }
                if (area.getLastColumn() > used.lastColumn()) {
                    area.setLastColumn(Math.max(area.getFirstColumn(), used.lastColumn()));
                    cut = true;
                }
            }
        }
        return cut;
    }

    private Ptg[] parse(String formula, FormulaType type, int sheet, int row) {
        return FormulaParser.parse(formula, (FormulaParsingWorkbook) evaluation, type, sheet, row);
    }

    /** The sheet a reference points to: its own for a plain one, the named one for a 3-D one; -1 if another file. */
    private int sheetOf(Ptg token, int formulaSheet) {
        if (token instanceof Area3DPxg area) {
            return area.getExternalWorkbookNumber() > 0 ? -1 : evaluation.getSheetIndex(area.getSheetName());
        }
        if (token instanceof Ref3DPxg ref) {
            return ref.getExternalWorkbookNumber() > 0 ? -1 : evaluation.getSheetIndex(ref.getSheetName());
        }
        if (token instanceof Area3DPtg area) {
            return evaluation.convertFromExternSheetIndex(area.getExternSheetIndex());
        }
        if (token instanceof Ref3DPtg ref) {
            return evaluation.convertFromExternSheetIndex(ref.getExternSheetIndex());
        }
        return formulaSheet;
    }

    /**
     * How many cells computing one formula reads: the cells of its ranges and, once each, those of the formulas in
     * them. Stops as soon as the budget is exceeded or a reference cannot be bounded.
     */
    private final class Reach {
        private final long budget;
        private final Set<Long> visited = new HashSet<>();
        private long reads;

        Reach(long budget) {
            this.budget = budget;
        }

        boolean ofCell(Cell cell) {
            int sheet = workbook.getSheetIndex(cell.getSheet());
            if (!visited.add(key(sheet, cell.getRowIndex(), cell.getColumnIndex()))) {
                return true;
            }
            try {
                return ofTokens(parse(cell.getCellFormula(), FormulaType.CELL, sheet, cell.getRowIndex()), sheet);
            } catch (RuntimeException e) {
                return false;
            }
        }

        private boolean ofTokens(Ptg[] tokens, int sheet) {
            for (Ptg token : tokens) {
                if (!ofToken(token, sheet)) {
                    return false;
                }
            }
            return true;
        }

        private boolean ofToken(Ptg token, int formulaSheet) {
            if (token instanceof AbstractFunctionPtg function && UNBOUNDED_FUNCTIONS.contains(function.getName())) {
                return false;
            }
            if (token instanceof NameXPtg || token instanceof NameXPxg) {
                return false;
            }
            if (token instanceof NamePtg name) {
                EvaluationName definition = evaluation.getName(name);
                return definition != null && definition.hasFormula()
                        && ofTokens(definition.getNameDefinition(), formulaSheet);
            }
            if (token instanceof AreaPtgBase area) {
                return ofRange(sheetOf(token, formulaSheet), area.getFirstRow(), area.getLastRow(),
                        area.getFirstColumn(), area.getLastColumn());
            }
            if (token instanceof RefPtgBase ref) {
                return ofRange(sheetOf(token, formulaSheet), ref.getRow(), ref.getRow(), ref.getColumn(), ref.getColumn());
            }
            return true;
        }

        private boolean ofRange(int sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
            if (sheet < 0) {
                return false;
            }
            reads += (long) (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
            if (reads > budget) {
                return false;
            }
            for (List<Cell> row : formulasBySheet.getOrDefault(sheet, new TreeMap<>()).subMap(firstRow, true, lastRow, true).values()) {
                for (Cell cell : row) {
                    if (++reads > budget) {
                        return false;
                    }
                    if (cell.getColumnIndex() >= firstColumn && cell.getColumnIndex() <= lastColumn && !ofCell(cell)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static long key(int sheet, int row, int column) {
            return ((long) sheet << 52) | ((long) row << 20) | column;
        }
    }
}
