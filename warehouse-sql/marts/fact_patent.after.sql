-- bridge_patent_party: all applicants in order for the patents this batch wrote. The first applicant
-- carries the fact's party id (credit code when given); the others are identified by name.
-- Grain: one row per (application_no, seq).
-- Written patents: the changed ones (merge_changed, whose old rows go) and the new ones, which have no
-- bridge rows yet; an unchanged patent keeps its rows. Most patents have one applicant: their row is
-- taken as it is, and only lists with a separator are split.
-- The applicants of the re-sent patents before and after, for an incremental dim_party.
INSERT INTO tmp_party_touched
SELECT party_id FROM bridge_patent_party SEMI JOIN win_patents USING (application_no)
WHERE getvariable('ipwh_party_scope') = 'touched';

DELETE FROM bridge_patent_party WHERE application_no IN (SELECT application_no FROM merge_changed);

INSERT INTO bridge_patent_party BY NAME
WITH written AS (
  SELECT w.application_no, w.credit_code, w.applicant_names
  FROM win_patents AS w
  ANTI JOIN bridge_patent_party AS b USING (application_no)
),
names AS (
  SELECT
    application_no,
    credit_code,
    list_filter(list_transform(string_split(replace(applicant_names, '；', ';'), ';'), x -> trim(x)), x -> x <> '') AS names
  FROM written
  WHERE contains(applicant_names, ';') OR contains(applicant_names, '；')
),
numbered AS (
  SELECT application_no, credit_code, names, unnest(range(1, len(names) + 1)) AS seq
  FROM names
),
-- id_credit_code: the credit code identifies the first applicant only.
applicants AS (
  SELECT application_no, CAST(seq AS INTEGER) AS seq, names[seq] AS party_name,
         CASE WHEN seq = 1 THEN credit_code END AS id_credit_code
  FROM numbered
  UNION ALL
  SELECT application_no, CAST(1 AS INTEGER), applicant_names, credit_code
  FROM written
  WHERE NOT (contains(applicant_names, ';') OR contains(applicant_names, '；'))
),
-- The party id worked out once per distinct name and credit code, not once per row.
ids AS (
  SELECT party_name, id_credit_code, ipwh_party_id(party_name, id_credit_code) AS party_id
  FROM (SELECT DISTINCT party_name, id_credit_code FROM applicants)
)
SELECT
  a.application_no,
  a.seq,
  a.party_name,
  i.party_id,
  getvariable('ipwh_batch') AS batch_id
FROM applicants AS a
LEFT JOIN ids AS i
  ON i.party_name IS NOT DISTINCT FROM a.party_name
  AND i.id_credit_code IS NOT DISTINCT FROM a.id_credit_code;

INSERT INTO tmp_party_touched
SELECT party_id FROM bridge_patent_party SEMI JOIN win_patents USING (application_no)
WHERE getvariable('ipwh_party_scope') = 'touched';
