-- A financial report is a budget of kind financial_report; this ties it to the forecast it was compared with.
alter table budget add column compared_with bigint references budget (id);

-- Supporting documents (receipts, invoices) and the budget line each one was attributed to.
create table supporting_document (
    document_id bigint primary key references document (id),
    report_id   bigint references budget (id),
    line        text
);
