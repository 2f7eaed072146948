#!/usr/bin/python3
"""Writes the corpus of budgets and attendance sheets that partners' tools make, and its manifest.

Run by make-corpus.sh (Debian: python3-openpyxl, libreoffice-calc-nogui). Each sheet is first written with openpyxl,
a spreadsheet library that saves formulas without their result: that file is kept as it is (*.lib.xlsx). LibreOffice,
run headless, then opens it, computes it and saves it as .xlsx, .xls, .ods and CSV (*.lo.*), with stored results,
as a partner's machine does. The expected verdict of each file follows from how it was made (what was put where),
never from what the hub answers: manifest.yaml, read by CorpusTest.
"""
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = sys.argv[1]  # where the openpyxl files go before LibreOffice converts them (make-corpus.sh)

WORDS = {
    'fr': dict(sheet='Budget', line_header='Poste de dépense', expenses='Dépenses', receipts='Recettes',
               cash='Numéraire', in_kind='Valorisation', total='Total', notes='Observations',
               lines=["Frais de déplacement des participants", "Frais d'hébergement", "Frais de restauration",
                      "Traduction", "Communication", "Location de salles de réunion", "Temps de travail"],
               typos=["Frais de déplacment des participants (bus, train)", "Frais d'hébergment (1 nuit, 2 pour le groupe de suivi)",
                      "Restauration : accueil, pause, déjeuner, dîner", "Traduction roumain / bulgare / français",
                      "Communication (invitations, copies, dossiers)", "Location de salles (50 places + ateliers)",
                      "Temps de travail du personnel"],
               notes_text=["bus et train", "hôtel, 1 nuit", "4 repas", "3 langues", "invitations", "salle plénière", "agents"]),
    'ro': dict(sheet='Buget', line_header='Linie bugetară', expenses='Cheltuieli', receipts='Venituri',
               cash='Numerar', in_kind='În natură', total='Total', notes='Observații',
               lines=["Cheltuieli de transport ale participanților", "Cazare", "Masă", "Traducere", "Comunicare",
                      "Închiriere săli", "Timp de lucru"],
               typos=["Cheltuieli de tranport ale participanților (autocar)", "Cazarea participanților (1 noapte)",
                      "Masă: cafea, pauză, prânz, cină", "Traducere simultană ro/fr/bg", "Comunicare și invitații",
                      "Arenda sălilor (sală plenară + ateliere)", "Timpul de lucru al personalului"],
               notes_text=["autocar", "hotel, 1 noapte", "4 mese", "3 limbi", "invitații", "sală 50 locuri", "personal"]),
    'bg': dict(sheet='Бюджет', line_header='Бюджетно перо', expenses='Разходи', receipts='Приходи',
               cash='Парични', in_kind='В натура', total='Общо', notes='Бележки',
               lines=["Пътни разходи на участниците", "Настаняване", "Храна", "Превод", "Комуникация", "Наем на зали",
                      "Работно време"],
               typos=["Пътни разходи на участниците (автобус)", "Настаняванe – 1 нощувка", "Храна и кафе-паузи",
                      "Превод (румънски, френски)", "Комуникации и покани", "Наем на зала за 50 души",
                      "Работно време на служителите"],
               notes_text=["автобус", "хотел", "4 хранения", "3 езика", "покани", "зала", "служители"]),
    'ru': dict(sheet='Бюджет', line_header='Статья расходов', expenses='Расходы', receipts='Поступления',
               cash='Денежные', in_kind='В натуральной форме', total='Итого', notes='Примечания',
               lines=["Транспортные расходы участников", "Проживание", "Питание", "Перевод", "Коммуникация",
                      "Аренда залов", "Рабочее время"],
               typos=None, notes_text=None),
}

# Amounts of a balanced budget per currency: (cash, in kind) of each line, receipts equal to expenses. Accommodation
# and catering are plausible for 40 to 50 people at the 2009 rates.
AMOUNTS = {
    'EUR': [(3000, 0), (2400, 0), (1800, 0), (900, 600), (350, 0), (0, 600), (0, 2000)],
    'RON': [(12000, 0), (9500, 0), (7200, 0), (3600, 2400), (1400, 0), (0, 2500), (0, 8000)],
    'BGN': [(5800, 0), (4700, 0), (3500, 0), (1800, 1200), (700, 0), (0, 1200), (0, 3900)],
    # 10,000 MDL of accommodation: 644 EUR at 2009 rates (plausible for 40), 510 EUR at today's (it would not be)
    'MDL': [(46000, 0), (10000, 0), (28000, 0), (14000, 9000), (5500, 0), (0, 9500), (0, 31000)],
}

UNITS = {'EUR': '€', 'RON': 'lei', 'BGN': 'лв.', 'MDL': 'lei'}
LOCALE = {'fr': '[$-40C]', 'ro': '[$-418]', 'bg': '[$-402]', 'ru': '[$-419]'}
CURRENCY_FORMAT = {'EUR': '#,##0.00 [$€-40C]', 'RON': '#,##0.00 [$lei-418]', 'BGN': '#,##0.00 [$лв.-402]',
                   'MDL': '#,##0.00 [$MDL]'}


def plain_amount(value):
    return f"{value:.2f}"


def typed(value, lang, unit):
    """An amount typed as text the way a person of that language writes it, with its unit."""
    grouped = f"{value:,.0f}"
    grouped = grouped.replace(',', '.') if lang == 'ro' else grouped.replace(',', '\u00a0')
    return f"{grouped} {unit}"


class Budget:
    """One budget sheet as a grid, and where each of its parts is."""

    def __init__(self, spec):
        self.spec = spec
        w = WORDS[spec['lang']]
        self.cells = {}          # (row, col) -> (value, number format)
        self.merges = []
        self.hidden = []
        self.sheet = spec.get('sheet', w['sheet'])
        r0, c0 = spec.get('origin', (0, 0))
        self.c0 = c0
        quirks = spec.get('quirks', ())
        currency = spec['currency']
        where = spec.get('where', 'none')
        title = spec['title'] + (f" ({spec['title_currency']})" if where == 'title' else '')
        self.put(r0, c0, title)
        self.title_cell = (r0, c0)
        if 'merged_title' in quirks:
            self.merges.append((r0, c0, r0, c0 + 4))
        r = r0 + 1
        if where == 'above':
            self.put(r, c0, spec['statement'])
            self.statement_cell = (r, c0)
        r += 1
        side, kind = r, r + 1
        self.side_row, self.kind_row = side, kind
        exp_h = w['expenses'] + (f" ({spec['heading_currency']})" if where == 'heading' else '')
        rec_h = w['receipts'] + (f" ({spec['heading_currency']})" if where == 'heading' else '')
        self.put(side, c0 + 1, exp_h)
        self.put(side, c0 + 3, rec_h)
        self.merges += [(side, c0 + 1, side, c0 + 2), (side, c0 + 3, side, c0 + 4)]
        self.put(kind, c0, w['line_header'])
        for i, word in enumerate([w['cash'], w['in_kind'], w['cash'], w['in_kind']]):
            self.put(kind, c0 + 1 + i, word)
        extra = 'extra_columns' in quirks
        if extra:
            self.put(kind, c0 + 5, w['notes'])
            self.put(kind, c0 + 6, '%')
        if where == 'beside':
            self.put(side, c0 + (8 if extra else 6), spec['statement'])
            self.statement_cell = (side, c0 + (8 if extra else 6))
        labels = w['typos'] if 'typos' in quirks else w['lines']
        amounts = [list(pair) for pair in AMOUNTS[currency]]
        for line, value in spec.get('set', {}).items():
            amounts[line][0] = value
        planned = AMOUNTS[currency]
        r = kind + 1
        self.line_rows = []
        for i, label in enumerate(labels):
            if spec.get('drop_line') == i:
                continue
            self.put(r, c0, label)
            self.line_rows.append(r)
            cash, in_kind = amounts[i]
            receipts_cash, receipts_kind = spec.get('receipts', {}).get(i, planned[i])
            for j, v in enumerate([cash, in_kind, receipts_cash, receipts_kind]):
                self.amount(r, c0 + 1 + j, v)
            if extra:
                self.put(r, c0 + 5, w['notes_text'][i])
                self.put(r, c0 + 6, f"={self.ref(r, c0 + 1)}/{self.ref(None, c0 + 1, absolute_total=True)}", '0%')
            r += 1
            if 'empty_lines' in quirks and i == 2:
                r += 1
            if 'hidden_row' in quirks and i == 4:
                self.hidden.append(r)
                self.put(r, c0 + 5 if extra else c0 + 6, 'x')
                r += 1
        if 'extra_line' in spec:
            self.put(r, c0, spec['extra_line'][0])
            self.extra_line_row = r
            for j in range(4):
                self.amount(r, c0 + 1 + j, spec['extra_line'][1] if j % 2 == 0 else 0)
            self.line_rows.append(r)
            r += 1
        self.total_row = r
        self.put(r, c0, w['total'])
        first, last = kind + 1, r - 1
        for j in range(4):
            col = c0 + 1 + j
            written = spec.get('written_totals', {}).get(j)
            if written is not None:
                self.amount(r, col, written)
            elif where == 'units':
                # amounts typed as text: a SUM would ignore them, so the total is typed too
                self.put(r, col, typed(self.column_sum(col, first, last), spec['lang'], UNITS[currency]))
            else:
                self.put(r, col, spec.get('total_formula', '=SUM({first}:{last})').format(
                    first=self.ref(first, col), last=self.ref(last, col), col=get_column_letter(col + 1)),
                    self.number_format(currency))
        if extra:
            self.put(r, c0 + 6, f"={self.ref(r, c0 + 1)}/{self.ref(r, c0 + 1)}", '0%')
        if 'check_cell' in quirks:
            # a check a partner's script adds beside the table: a whole-column range
            letter = get_column_letter(c0 + 2)
            self.put(side, c0 + 7, f"=SUM({letter}:{letter})-2*{self.ref(r, c0 + 1)}")
        r += 2
        if where == 'below':
            self.put(r, c0, spec['statement'])
            self.statement_cell = (r, c0)
            r += 1
        if where == 'note':
            self.put(r, c0, spec['statement'])
            self.statement_cell = (r, c0)
            r += 1
        for note in spec.get('notes', ()):
            self.put(r, c0, note)
            r += 1

    def column_sum(self, col, first, last):
        total = 0
        for (row, c), (value, _) in self.cells.items():
            if c == col and first <= row <= last and isinstance(value, str) and value[:1].isdigit():
                total += float(value.split(' ')[0].replace('.', '').replace('\u00a0', ''))
        return total

    def ref(self, row, col, absolute_total=False):
        if absolute_total:
            return f"${get_column_letter(col + 1)}${self.total_row_guess() + 1}"
        return f"{get_column_letter(col + 1)}{row + 1}"

    def total_row_guess(self):
        # the total's row is known before the lines are written: lines, extra spacer rows, then the total
        kind = self.kind_row
        quirks = self.spec.get('quirks', ())
        lines = 7 - (1 if 'drop_line' in self.spec else 0) + (1 if 'extra_line' in self.spec else 0)
        return kind + 1 + lines + ('empty_lines' in quirks) + ('hidden_row' in quirks)

    def number_format(self, currency):
        if self.spec.get('where') == 'format':
            return CURRENCY_FORMAT[currency]
        return LOCALE[self.spec['lang']] + '#,##0.00' + self.spec.get('negative_format', '')

    def amount(self, r, c, value):
        where = self.spec.get('where')
        if isinstance(value, str):
            self.put(r, c, value)
        elif where == 'units':
            self.put(r, c, typed(value, self.spec['lang'], UNITS[self.spec['currency']]))
        else:
            self.put(r, c, value, self.number_format(self.spec['currency']))

    def put(self, r, c, value, fmt=None):
        self.cells[(r, c)] = (value, fmt)

    def address(self, sheet, cell):
        row, col = cell
        return f"{sheet}!{get_column_letter(col + 1)}{row + 1}"

    def col(self, j):
        return self.c0 + 1 + j

    def write(self, path):
        wb = openpyxl.Workbook()
        ws = wb.active
        if 'cover_sheet' in self.spec.get('quirks', ()):
            ws.title = 'Instructions'
            ws['A1'] = self.spec['title']
            ws['A3'] = 'Model / modèle / модел — 2009'
            ws = wb.create_sheet(self.sheet)
        else:
            ws.title = self.sheet
        for (r, c), (value, fmt) in self.cells.items():
            cell = ws.cell(row=r + 1, column=c + 1, value=value)
            if fmt:
                cell.number_format = fmt
        for (r1, c1, r2, c2) in self.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        for r in self.hidden:
            ws.row_dimensions[r + 1].hidden = True
        ws.column_dimensions[get_column_letter(self.c0 + 1)].width = 45
        wb.save(path)


SEMINARS = {
    'S1-ARGES': ('RO', 'Argeș'), 'S2-TULCEA': ('RO', 'Tulcea'), 'S3-NEAMT': ('RO', 'Neamț'),
    'S4-VARNA': ('BG', 'Varna'), 'S5-PAZARDZHIK': ('BG', 'Pazardzhik'), 'S6-CAHUL': ('MD', 'Cahul'),
}

ALL_TOOLS = ['lib.xlsx', 'lo.xlsx', 'lo.xls', 'lo.ods']

# Valid budgets: every one of them must be accepted, in the currency given, with no finding but the ones listed.
VALID = [
    dict(id='fr_varna_devise_below', lang='fr', currency='EUR', seminar='S4-VARNA', where='below',
         statement='Devise : EUR', title='Budget prévisionnel – séminaire de Varna, novembre 2009',
         csv=['fr_semicolon_1252', 'fr_comma_utf8']),
    dict(id='ro_arges_moneda_below', lang='ro', currency='RON', seminar='S1-ARGES', where='below',
         statement='Monedă: RON', title='Buget previzional – Seminarul de la Argeș, septembrie 2009',
         csv=['ro_semicolon_1250', 'ro_semicolon_utf8']),
    dict(id='bg_varna_valuta_below', lang='bg', currency='BGN', seminar='S4-VARNA', where='below',
         statement='Валута: BGN', title='Прогнозен бюджет – семинар във Варна, ноември 2009',
         csv=['bg_semicolon_1251', 'bg_semicolon_utf8bom']),
    dict(id='bg_varna_no_currency', lang='bg', currency='BGN', seminar='S4-VARNA', where='none',
         title='Прогнозен бюджет – семинар във Варна, ноември 2009', csv=['bg_semicolon_utf8bom']),
    dict(id='ro_tulcea_no_currency', lang='ro', currency='RON', seminar='S2-TULCEA', where='none',
         title='Buget previzional – Seminarul de la Tulcea, octombrie 2009', quirks=('typos',),
         csv=['ro_semicolon_1250']),
    dict(id='md_cahul_no_currency', lang='ro', currency='MDL', seminar='S6-CAHUL', where='none',
         title='Buget previzional – Seminarul de la Cahul, decembrie 2009'),
    dict(id='md_cahul_lei_title', lang='ro', currency='MDL', seminar='S6-CAHUL', where='title',
         title_currency='sume în lei', title='Buget previzional – Raionul Cahul, decembrie 2009',
         csv=['ro_semicolon_utf8']),
    dict(id='md_cahul_mdl_format', lang='ro', currency='MDL', seminar='S6-CAHUL', where='format',
         title='Buget previzional – Raionul Cahul, seminarul din decembrie 2009', quirks=('merged_title',)),
    dict(id='ro_neamt_lei_format', lang='ro', currency='RON', seminar='S3-NEAMT', where='format',
         title='Buget previzional – Seminarul de la Neamț, octombrie 2009', origin=(4, 2)),
    dict(id='fr_varna_heading', lang='fr', currency='EUR', seminar='S4-VARNA', where='heading',
         heading_currency='en €', title='Budget prévisionnel du séminaire de Varna'),
    dict(id='fr_varna_title_far', lang='fr', currency='EUR', seminar='S4-VARNA', where='title',
         title_currency='montants en euros', title='Budget prévisionnel – Conseil général du Nord pour Varna',
         origin=(6, 3), quirks=('cover_sheet', 'merged_title')),
    dict(id='ro_arges_beside_extra', lang='ro', currency='RON', seminar='S1-ARGES', where='beside',
         statement='Moneda: RON', title='Buget previzional – Seminarul Argeș 2009',
         quirks=('extra_columns', 'hidden_row'), csv=['ro_semicolon_utf8']),
    dict(id='bg_pazardzhik_units', lang='bg', currency='BGN', seminar='S5-PAZARDZHIK', where='units',
         title='Прогнозен бюджет – семинар в Пазарджик', quirks=('empty_lines', 'typos'),
         csv=['bg_semicolon_1251']),
    dict(id='ro_arges_units_lei', lang='ro', currency='RON', seminar='S1-ARGES', where='units',
         title='Buget previzional – Argeș', csv=['ro_comma_utf8']),
    dict(id='ru_comrat_lei', lang='ru', currency='MDL', seminar='S6-CAHUL', where='above',
         statement='Суммы в леях', title='Прогнозный бюджет семинара, Кагул, декабрь 2009'),
    dict(id='fr_varna_note_rates', lang='fr', currency='EUR', seminar='S4-VARNA', where='note',
         statement='Tous les montants sont en euros.', notes=['Taux utilisé : 1 EUR = 1,95583 BGN'],
         title='Budget prévisionnel – Varna', quirks=('empty_lines',), csv=['fr_semicolon_1252']),
    dict(id='fr_varna_above_check', lang='fr', currency='EUR', seminar='S4-VARNA', where='above',
         statement='Devise : EUR', title='Budget prévisionnel – Varna (version 2)', quirks=('check_cell',),
         tools=['lib.xlsx', 'lo.xlsx']),
    dict(id='ro_neamt_extra_line', lang='ro', currency='RON', seminar='S3-NEAMT', where='below',
         statement='Monedă: RON', title='Buget previzional – Neamț', extra_line=('Diverse și neprevăzute', 500),
         warnings=[('BUDGET_LINE_UNKNOWN', 'extra_line', None)]),
]

# Invalid budgets: each must report exactly these findings, at these cells.
INVALID = [
    dict(id='fr_total_mismatch', lang='fr', currency='EUR', seminar='S4-VARNA', where='below',
         statement='Devise : EUR', title='Budget prévisionnel – Varna', written_totals={0: 8950},
         errors=[('TOTAL_MISMATCH', 'total', 0), ('UNBALANCED_CASH', 'total', 0), ('UNBALANCED_CASH', 'total', 2)],
         csv=['fr_semicolon_1252']),
    dict(id='ro_unbalanced_in_kind', lang='ro', currency='RON', seminar='S1-ARGES', where='below',
         statement='Monedă: RON', title='Buget previzional – Argeș', receipts={6: (0, 6000)},
         errors=[('UNBALANCED_IN_KIND', 'total', 1), ('UNBALANCED_IN_KIND', 'total', 3)]),
    dict(id='ro_conflict_eur_lei', lang='ro', currency='RON', seminar='S1-ARGES', where='format',
         title='Buget previzional – Argeș', notes=['Sume în EUR'],
         errors=[('CURRENCY_CONFLICT', 'first_amount', None), ('CURRENCY_CONFLICT', 'first_note', None)]),
    dict(id='bg_missing_line', lang='bg', currency='BGN', seminar='S4-VARNA', where='below',
         statement='Валута: BGN', title='Прогнозен бюджет – Варна', drop_line=4,
         errors=[('BUDGET_LINE_MISSING', 'total_label', None)], csv=['bg_semicolon_1251']),
    dict(id='fr_not_a_number', lang='fr', currency='EUR', seminar='S4-VARNA', where='below',
         statement='Devise : EUR', title='Budget prévisionnel – Varna', set={4: 'à préciser'},
         errors=[('AMOUNT_NOT_A_NUMBER', 'line', (4, 0)), ('UNBALANCED_CASH', 'total', 0),
                 ('UNBALANCED_CASH', 'total', 2)]),
    dict(id='ro_negative_parentheses', lang='ro', currency='RON', seminar='S3-NEAMT', where='below',
         statement='Monedă: RON', title='Buget previzional – Neamț', set={4: -400},
         receipts={4: (-400, 0)}, negative_format=';(#,##0.00)',
         errors=[('AMOUNT_NEGATIVE', 'line', (4, 0)), ('AMOUNT_NEGATIVE', 'line', (4, 2))],
         csv=['ro_semicolon_utf8']),
    dict(id='fr_unknown_country', lang='fr', currency='EUR', seminar='S4-VARNA', country=None, where='none',
         title='Budget prévisionnel', errors=[('CURRENCY_UNKNOWN', 'title', None)]),
    dict(id='fr_formula_indirect', lang='fr', currency='EUR', seminar='S4-VARNA', where='below',
         statement='Devise : EUR', title='Budget prévisionnel – Varna', set={0: '=3000+0*SUM(INDIRECT("A1"))'},
         errors=[('FORMULA_NOT_COMPUTED', 'line', (0, 0)), ('FORMULA_NOT_COMPUTED', 'total', 0)],
         tools=['lib.xlsx']),
]

CSV_VARIANTS = {
    # name: (LibreOffice filter options: separator, quote, character set, first line; save as shown, BOM added)
    'fr_semicolon_1252': ('59,34,1,1,,0,false,true,true', False),
    'fr_comma_utf8': ('44,34,76,1,,0,false,true,true', False),
    'ro_semicolon_1250': ('59,34,33,1,,0,false,true,true', False),
    'ro_semicolon_utf8': ('59,34,76,1,,0,false,true,true', False),
    'ro_comma_utf8': ('44,34,76,1,,0,false,true,true', False),
    'bg_semicolon_1251': ('59,34,34,1,,0,false,true,true', False),
    'bg_semicolon_utf8bom': ('59,34,76,1,,0,false,true,true', True),
}


def expected_cells(budget, sheet, spec, key):
    """The cells of the findings listed in a spec, in this file's sheet."""
    out = []
    for code, where, which in spec.get(key, ()):
        if where == 'total':
            cell = (budget.total_row, budget.col(which))
        elif where == 'total_label':
            cell = (budget.total_row, budget.c0)
        elif where == 'line':
            line, column = which
            cell = (budget.line_rows[line], budget.col(column))
        elif where == 'title':
            cell = budget.title_cell
        elif where == 'extra_line':
            cell = (budget.extra_line_row, budget.c0)
        elif where == 'first_amount':
            cell = (budget.line_rows[0], budget.col(0))
        elif where == 'first_note':
            cell = (budget.total_row + 2 + (1 if spec.get('statement') else 0), budget.c0)
        out.append(f"{code} {budget.address(sheet, cell)}")
    return out


def main():
    jobs = []  # (source path, outputs [(name, tool)]) for make-corpus.sh
    manifest = ["# Written by make_corpus.py: each file, the tool that made it and the verdict it must get.", "budgets:"]
    for spec in VALID + INVALID:
        budget = Budget(spec)
        source = os.path.join(SOURCES, spec['id'] + '.xlsx')
        budget.write(source)
        country = spec['country'] if 'country' in spec else SEMINARS[spec['seminar']][0]
        outputs = [(f"{spec['id']}.{tool}", tool) for tool in spec.get('tools', ALL_TOOLS)]
        outputs += [(f"{spec['id'][:18]}_{i}.csv", variant) for i, variant in enumerate(spec.get('csv', ()))]
        for name, tool in outputs:
            sheet = name[:-4] if name.endswith('.csv') else budget.sheet
            if tool in ('lib.xlsx', 'lo.xlsx', 'lo.xls', 'lo.ods'):
                made = {'lib.xlsx': 'openpyxl 3.0 (.xlsx, formulas without results)',
                        'lo.xlsx': 'LibreOffice 7.4 (.xlsx)', 'lo.xls': 'LibreOffice 7.4 (.xls)',
                        'lo.ods': 'LibreOffice 7.4 (.ods)'}[tool]
            else:
                made = f"LibreOffice 7.4 (CSV {tool})"
            findings = expected_cells(budget, sheet, spec, 'errors') + expected_cells(budget, sheet, spec, 'warnings')
            if spec.get('where') == 'none' and country:
                findings.append(f"CURRENCY_ASSUMED {budget.address(sheet, budget.title_cell)}")
            accepted = not spec.get('errors')
            totals = [sum(pair[0] for i, pair in enumerate(AMOUNTS[spec['currency']]) if i != spec.get('drop_line')),
                      sum(pair[1] for i, pair in enumerate(AMOUNTS[spec['currency']]) if i != spec.get('drop_line'))]
            if 'extra_line' in spec:
                totals[0] += spec['extra_line'][1]
            manifest += [f"  - file: budgets/{name}",
                         f"    made-by: {made}",
                         f"    kind: {kind_of(tool)}",
                         f"    seminar: {spec['seminar']}",
                         f"    country: {country or '~'}",
                         "    year: 2009",
                         f"    verdict: {'accepted' if accepted else 'rejected'}"]
            if accepted:
                manifest += [f"    currency: {spec['currency']}",
                             f"    expenses-cash: \"{plain_amount(totals[0])}\"",
                             f"    expenses-in-kind: \"{plain_amount(totals[1])}\""]
            manifest.append("    findings: [" + ", ".join(f'"{f}"' for f in findings) + "]")
        jobs.append((source, outputs))
    attendance_jobs, attendance_manifest = attendance()
    manifest += attendance_manifest
    with open(os.path.join(HERE, 'manifest.yaml'), 'w', encoding='utf-8') as out:
        out.write("\n".join(manifest) + "\n")
    with open(os.path.join(SOURCES, 'jobs.txt'), 'w', encoding='utf-8') as out:
        for folder, source, outputs in [('budgets', s, o) for s, o in jobs] + attendance_jobs:
            for name, tool in outputs:
                options, bom = CSV_VARIANTS.get(tool, ('', False))
                out.write(f"{folder}\t{source}\t{name}\t{tool}\t{options}\t{'bom' if bom else ''}\n")


def kind_of(tool):
    return {'lib.xlsx': 'xlsx-library', 'lo.xlsx': 'xlsx', 'lo.xls': 'xls', 'lo.ods': 'ods'}.get(tool, 'csv')


# Attendance sheets: a title and a date above the participants' table, headings in four languages, categories
# typed freely. Each row: name, organisation, country, category as typed, and the category it means (None: none).
ATTENDANCE = [
    dict(id='fr_varna_presence', sheet='Présence', title='Liste de présence – Séminaire de Varna',
         date='Date : 17 novembre 2009',
         headings=['N°', 'Nom', 'Prénom', 'Organisme', 'Pays', 'Qualité', 'Signature'],
         rows=[('Durand', 'Marie', 'Conseil général du Nord', 'France', 'Conseillère générale', 'elected'),
               ('Martin', 'Paul', 'Conseil général du Nord', 'France', 'technicien', 'technician'),
               ('Petrova', 'Elena', 'Община Варна', 'Bulgarie', 'maire adjointe', 'elected'),
               ('Leroy', 'Anne', 'Ambassade de France en Bulgarie', 'France', 'Ambassade', 'state'),
               ('Nikolov', 'Ivan', 'Сдружение Деца', 'Bulgarie', 'ONG', 'ngo'),
               ('Moreau', 'Luc', 'Solidarité Laïque', 'France', 'association', 'ngo'),
               ('Ivanova', 'Rosa', 'Община Сливен', 'Bulgarie', 'directrice des services sociaux', 'technician'),
               ('Dupont', 'Jean', 'Presse locale', 'France', 'invité', None)],
         quirks=('empty_line',), csv='fr_semicolon_1252'),
    dict(id='ro_neamt_prezenta', sheet='Prezență', title='Listă de prezență – Seminarul de la Neamț',
         date='Data: 14.10.2009',
         headings=['Nr.', 'Nume și prenume', 'Instituția', 'Țara', 'Funcția'],
         rows=[('Popescu Ion', 'Consiliul Județean Neamț', 'România', 'primar', 'elected'),
               ('Ionescu Maria', 'DGASPC Neamț', 'România', 'asistent social', 'technician'),
               ('Rusu Ana', 'Asociația Copiii', 'Moldova', 'asociație', 'ngo'),
               ('Georgescu Dan', 'Ministerul Muncii', 'România', 'ministerul muncii', 'state'),
               ('Dubois Claire', 'Conseil général de la Marne', 'Franța', 'consilier județean', 'elected'),
               ('Vasile Elena', 'Prefectura Neamț', 'România', 'prefectura', 'state'),
               ('Stan Mihai', 'Fundația Speranța', 'România', 'ONG', 'ngo'),
               ('Toma Radu', '—', 'România', 'voluntar', None)],
         quirks=('hidden_row', 'merged_title'), csv='ro_semicolon_1250'),
    dict(id='bg_varna_spisak', sheet='Участници', title='Списък на участниците – семинар във Варна',
         date='Дата: 18.11.2009 г.',
         headings=['№', 'Име и фамилия', 'Организация', 'Държава', 'Длъжност'],
         rows=[('Иван Петров', 'Община Варна', 'България', 'кмет', 'elected'),
               ('Мария Иванова', 'Община Варна', 'България', 'социален работник', 'technician'),
               ('Георги Димитров', 'Община Хасково', 'България', 'общински съветник', 'elected'),
               ('Анна Стоянова', 'Сдружение „Деца“', 'България', 'НПО', 'ngo'),
               ('Петър Колев', 'Областна администрация Варна', 'България', 'областна администрация', 'state'),
               ('Claire Dubois', 'Conseil général du Nord', 'Франция', 'директор', 'technician'),
               ('Стефан Илиев', '—', 'България', 'гост', None)],
         origin=(1, 1), csv='bg_semicolon_1251'),
    dict(id='ru_comrat_spisok', sheet='Участники', title='Список участников семинара, Кагул',
         date='Дата: 09.12.2009',
         headings=['№', 'Фамилия, имя, отчество', 'Организация', 'Страна', 'Категория'],
         rows=[('Иванов Пётр Ильич', 'Комрат', 'Молдова', 'примар', 'elected'),
               ('Петрова Анна', 'Управление соцзащиты', 'Молдова', 'специалист', 'technician'),
               ('Чебан Мария', 'Ассоциация «Дети»', 'Молдова', 'НПО', 'ngo'),
               ('Гагауз Олег', 'Министерство труда', 'Молдова', 'министерство', 'state'),
               ('Popa Ion', 'Consiliul Raional Cahul', 'Молдова', 'депутат районного совета', 'elected'),
               ('Сидоров Иван', '—', 'Молдова', 'гость', None)],
         csv='ru_semicolon_utf8bom'),
    dict(id='md_cahul_prezenta', sheet='Lista', title='Lista participanților – Seminarul de la Cahul',
         date='Data: 09.12.2009',
         headings=['Nume', 'Prenume', 'Organizația', 'Țara', 'Categoria'],
         rows=[('Ceban', 'Ion', 'Consiliul Raional Cahul', 'Moldova', 'președinte raion', 'elected'),
               ('Rotaru', 'Ana', 'Direcția asistență socială', 'Moldova', 'tehnician', 'technician'),
               ('Lungu', 'Vasile', 'Ministerul Muncii', 'Moldova', 'stat', 'state'),
               ('Munteanu', 'Olga', 'APSCF', 'Moldova', 'asociație', 'ngo'),
               ('Dupont', 'Marc', 'Solidarité Laïque', 'Franța', 'elected', 'elected')],
         quirks=('merged_headings',)),
]

CSV_VARIANTS['ru_semicolon_utf8bom'] = ('59,34,76,1,,0,false,true,true', True)


def attendance():
    jobs = []
    manifest = ["attendance:"]
    for spec in ATTENDANCE:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = spec['sheet']
        r0, c0 = spec.get('origin', (0, 0))
        quirks = spec.get('quirks', ())
        ws.cell(r0 + 1, c0 + 1, spec['title'])
        if 'merged_title' in quirks:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r0 + 1, end_column=c0 + 5)
        ws.cell(r0 + 2, c0 + 1, spec['date'])
        heading_row = r0 + 4
        numbered = spec['headings'][0] in ('N°', 'Nr.', '№')
        for j, heading in enumerate(spec['headings']):
            ws.cell(heading_row, c0 + 1 + j, heading)
        if 'merged_headings' in quirks:
            # a heading row above the headings, merged over name and first name ("Participant")
            ws.cell(heading_row - 1, c0 + 1, 'Participant')
            ws.merge_cells(start_row=heading_row - 1, start_column=c0 + 1, end_row=heading_row - 1, end_column=c0 + 2)
        r = heading_row + 1
        name_cells, unrecognised, counts = [], [], {}
        for i, row in enumerate(spec['rows']):
            values = ([i + 1] if numbered else []) + list(row[:-1])
            for j, value in enumerate(values):
                ws.cell(r, c0 + 1 + j, value)
            name_col = c0 + (1 if numbered else 0)
            category = row[-1]
            counts[category or 'unknown'] = counts.get(category or 'unknown', 0) + 1
            if category is None:
                unrecognised.append(f"{spec['sheet']}!{get_column_letter(name_col + 1)}{r}")
            r += 1
            if 'empty_line' in quirks and i == 3:
                r += 1
            if 'hidden_row' in quirks and i == 2:
                ws.row_dimensions[r].hidden = True
                r += 1
        source = os.path.join(SOURCES, 'att_' + spec['id'] + '.xlsx')
        wb.save(source)
        outputs = [(f"{spec['id']}.{tool}", tool) for tool in ('lo.xlsx', 'lo.xls', 'lo.ods')]
        if spec.get('csv'):
            outputs.append((f"{spec['id']}.csv", spec['csv']))
        for name, tool in outputs:
            sheet = name[:-4] if name.endswith('.csv') else spec['sheet']
            cells = [c.replace(spec['sheet'] + '!', sheet + '!') for c in unrecognised]
            manifest += [f"  - file: attendance/{name}",
                         f"    kind: {kind_of(tool)}",
                         f"    participants: {len(spec['rows'])}",
                         "    categories: {" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + "}",
                         "    unrecognised: [" + ", ".join(f'"{c}"' for c in cells) + "]"]
        jobs.append(('attendance', source, outputs))
    return jobs, manifest


if __name__ == '__main__':
    main()
