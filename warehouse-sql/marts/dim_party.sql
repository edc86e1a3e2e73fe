-- dim_party: every applicant, registrant, subsidy recipient and designated enterprise the facts name.
-- Grain: one row per party_id (credit code when known, else normalised name; natural persons in
-- subsidies by the hash of their ID number). Rebuilt from the facts at each load, so it never drifts.
DELETE FROM dim_party;

INSERT INTO dim_party BY NAME
WITH parties AS (
  SELECT first_applicant_party_id AS party_id, first_applicant_name AS name, applicant_type AS party_type,
         credit_code, NULL AS id_hash, NULL AS id_mask, first_loaded_batch, updated_batch, 1 AS priority
  FROM fact_patent
  UNION ALL
  SELECT b.party_id, b.party_name, ipwh_applicant_type_from_name(b.party_name), NULL, NULL, NULL, b.batch_id, b.batch_id, 3
  FROM bridge_patent_party AS b
  WHERE b.seq > 1
  UNION ALL
  SELECT applicant_party_id, applicant_name, ipwh_applicant_type_from_name(applicant_name), credit_code,
         NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM fact_trademark
  UNION ALL
  SELECT recipient_party_id, recipient_name,
         CASE WHEN recipient_type = 'natural_person' THEN 'individual' ELSE ipwh_applicant_type_from_name(recipient_name) END,
         recipient_credit_code, recipient_id_hash, recipient_id_mask, first_loaded_batch, updated_batch, 2
  FROM fact_subsidy_payment
  UNION ALL
  SELECT ipwh_party_id(enterprise_name, credit_code), enterprise_name, 'enterprise', credit_code,
         NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM fact_designation
)
SELECT
  party_id,
  arg_min(name, priority) AS name,
  ipwh_normalized_name(arg_min(name, priority)) AS normalized_name,
  arg_min(party_type, priority) AS party_type,
  max(credit_code) AS credit_code,
  max(id_hash) AS id_hash,
  max(id_mask) AS id_mask,
  min(first_loaded_batch) AS first_loaded_batch,
  max(updated_batch) AS updated_batch
FROM parties
WHERE party_id IS NOT NULL
GROUP BY party_id;
