-- bridge_patent_party: all applicants in order for the patents this batch wrote (merge_rows). The first
-- applicant carries the fact's party id (credit code when given); the others are identified by name.
-- Grain: one row per (application_no, seq).
DELETE FROM bridge_patent_party WHERE application_no IN (SELECT application_no FROM merge_rows);

INSERT INTO bridge_patent_party BY NAME
WITH names AS (
  SELECT
    w.application_no,
    w.credit_code,
    list_filter(list_transform(string_split(replace(w.applicant_names, '；', ';'), ';'), x -> trim(x)), x -> x <> '') AS names
  FROM win_patents AS w
  SEMI JOIN merge_rows AS m USING (application_no)
),
numbered AS (
  SELECT application_no, credit_code, names, unnest(range(1, len(names) + 1)) AS seq
  FROM names
)
SELECT
  application_no,
  CAST(seq AS INTEGER) AS seq,
  names[seq] AS party_name,
  ipwh_party_id(names[seq], CASE WHEN seq = 1 THEN credit_code END) AS party_id,
  getvariable('ipwh_batch') AS batch_id
FROM numbered;
