-- dim_party: the parties behind the facts: patent applicants and patentees, trademark applicants and
-- registrants, subsidy recipients, designated enterprises.
-- Grain: one row per party.
-- Key: party_id, derived from the party's identifying value (its credit code, a natural person's ID
-- hash, else its normalised name) so that every load and every fact table yields the same id.
-- Privacy: a natural person's ID number is never stored, only its salted SHA-256 (id_hash, to match the
-- same person) and its mask (id_mask, to show). The salt lives outside the warehouse.
-- Constraints: none (millions of parties; DuckDB's ART indexes make bulk upserts slow). The loader
-- dedupes by party_id in SQL.

CREATE TABLE IF NOT EXISTS dim_party (
  party_id           VARCHAR NOT NULL,
  name               VARCHAR NOT NULL,
  normalized_name    VARCHAR NOT NULL,
  party_type         VARCHAR NOT NULL,
  credit_code        VARCHAR,
  id_hash            VARCHAR,
  id_mask            VARCHAR,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);

COMMENT ON TABLE dim_party IS '当事人维表 parties: patent applicants and patentees, trademark applicants and registrants, subsidy recipients, designated enterprises, pledgors and pledgees, copyright owners, GI product applicants; one row per party (key party_id). ID numbers of natural persons only as salted hash and mask';
COMMENT ON COLUMN dim_party.party_id IS '当事人标识 party key, derived from the credit code, a natural person''s ID hash, else the normalised name: the same in every load and every fact table (fact_patent.first_applicant_party_id, bridge_patent_party.party_id …)';
COMMENT ON COLUMN dim_party.name IS '名称 name as given by a fact that names the party';
COMMENT ON COLUMN dim_party.normalized_name IS '规范化名称 name normalised for matching: full-width folded, blanks, brackets and punctuation removed, lower case; identifies parties without credit code or ID';
COMMENT ON COLUMN dim_party.party_type IS '当事人类型 party type: enterprise 企业 | university 大专院校 | research_institute 科研单位 | individual 个人 | government 机关团体 | other 其他';
COMMENT ON COLUMN dim_party.credit_code IS '统一社会信用代码 unified social credit code of an organisation (GB 32100-2015, 18 characters, check character verified); NULL for natural persons and when unknown';
COMMENT ON COLUMN dim_party.id_hash IS '身份证号哈希 salted SHA-256 of a natural person''s resident ID number (GB 11643-1999), lower-case hex, 64 characters; NULL for organisations and when unknown';
COMMENT ON COLUMN dim_party.id_mask IS '身份证号掩码 masked resident ID number: first 6 + ******** + last 4, e.g. 110105********002X; NULL for organisations and when unknown';
COMMENT ON COLUMN dim_party.first_loaded_batch IS '首次载入批次 batch that first inserted this party (etl_batch.batch_id)';
COMMENT ON COLUMN dim_party.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something';
