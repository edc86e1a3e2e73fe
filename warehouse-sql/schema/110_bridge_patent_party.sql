-- bridge_patent_party: every applicant (patentee) of a patent application, in the order given, so that
-- co-applications can be counted per party; fact_patent keeps only the first.
-- Grain: one row per applicant per patent application.
-- Key: (application_no, seq). The rows of an application are replaced together whenever its
-- fact_patent row is delivered.
-- Constraints: none (tens of millions of rows; DuckDB's ART indexes make bulk upserts slow). The loader
-- dedupes by (application_no, seq) in SQL.

CREATE TABLE IF NOT EXISTS bridge_patent_party (
  application_no VARCHAR NOT NULL,
  seq            INTEGER NOT NULL,
  party_name     VARCHAR NOT NULL,
  party_id       VARCHAR,
  batch_id       VARCHAR NOT NULL
);

COMMENT ON TABLE bridge_patent_party IS '专利申请人桥接表 all applicants of a patent application in the order given; one row per application and applicant (key application_no + seq); seq 1 is fact_patent''s first applicant';
COMMENT ON COLUMN bridge_patent_party.application_no IS '申请号 application number, normalised as in fact_patent.application_no';
COMMENT ON COLUMN bridge_patent_party.seq IS '申请人顺序 applicant''s position in the list as given, 1 = first applicant';
COMMENT ON COLUMN bridge_patent_party.party_name IS '申请人名称 applicant name as given';
COMMENT ON COLUMN bridge_patent_party.party_id IS '当事人标识 dim_party.party_id of the applicant';
COMMENT ON COLUMN bridge_patent_party.batch_id IS '批次号 batch that wrote these rows (etl_batch.batch_id), the batch_id of the fact_patent row';
