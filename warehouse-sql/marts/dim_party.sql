-- dim_party: every applicant, registrant, subsidy recipient, designated enterprise, pledgor and pledgee,
-- copyright owner and GI product applicant the facts name.
-- Grain: one row per party_id (credit code when known, else normalised name; natural persons in
-- subsidies by the hash of their ID number). Derived from the facts at each load, so it never drifts.
-- Scope (variable ipwh_party_scope, set by the loader): 'all' rebuilds every party; 'touched' rebuilds
-- only the parties in tmp_party_touched, those of the rows this batch merged and of the rows they
-- replaced, from all their rows in the facts. A party no row names any more disappears either way.
-- Speed: an applicant type derived from a name is derived once per distinct name, not once per row.
DELETE FROM dim_party
WHERE getvariable('ipwh_party_scope') = 'all' OR party_id IN (SELECT party_id FROM tmp_party_touched);

INSERT INTO dim_party BY NAME
WITH scope AS (
  SELECT DISTINCT party_id FROM tmp_party_touched WHERE party_id IS NOT NULL
),
-- One row per party and fact row; derive_from: the name the type is derived from when none is given.
parties AS (
  SELECT first_applicant_party_id AS party_id, first_applicant_name AS name, applicant_type AS given_type,
         NULL AS derive_from, credit_code, NULL AS id_hash, NULL AS id_mask, first_loaded_batch, updated_batch, 1 AS priority
  FROM fact_patent
  WHERE getvariable('ipwh_party_scope') = 'all' OR first_applicant_party_id IN (SELECT party_id FROM scope)
  UNION ALL
  SELECT b.party_id, b.party_name, NULL, b.party_name, NULL, NULL, NULL, b.batch_id, b.batch_id, 3
  FROM bridge_patent_party AS b
  WHERE b.seq > 1 AND (getvariable('ipwh_party_scope') = 'all' OR b.party_id IN (SELECT party_id FROM scope))
  UNION ALL
  SELECT applicant_party_id, applicant_name, NULL, applicant_name, credit_code,
         NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM fact_trademark
  WHERE getvariable('ipwh_party_scope') = 'all' OR applicant_party_id IN (SELECT party_id FROM scope)
  UNION ALL
  SELECT recipient_party_id, recipient_name,
         CASE WHEN recipient_type = 'natural_person' THEN 'individual' END,
         CASE WHEN recipient_type IS DISTINCT FROM 'natural_person' THEN recipient_name END,
         recipient_credit_code, recipient_id_hash, recipient_id_mask, first_loaded_batch, updated_batch, 2
  FROM fact_subsidy_payment
  WHERE getvariable('ipwh_party_scope') = 'all' OR recipient_party_id IN (SELECT party_id FROM scope)
  UNION ALL
  SELECT party_id, enterprise_name, 'enterprise', NULL, credit_code, NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM (SELECT *, ipwh_party_id(enterprise_name, credit_code) AS party_id FROM fact_designation)
  WHERE getvariable('ipwh_party_scope') = 'all' OR party_id IN (SELECT party_id FROM scope)
  UNION ALL
  SELECT pledgor_party_id, pledgor_name, NULL, pledgor_name, credit_code, NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM fact_pledge
  WHERE getvariable('ipwh_party_scope') = 'all' OR pledgor_party_id IN (SELECT party_id FROM scope)
  UNION ALL
  -- a pledgee is a bank or other lender: an enterprise
  SELECT pledgee_party_id, pledgee_name, 'enterprise', NULL, NULL, NULL, NULL, first_loaded_batch, updated_batch, 3
  FROM fact_pledge
  WHERE pledgee_party_id IS NOT NULL AND (getvariable('ipwh_party_scope') = 'all' OR pledgee_party_id IN (SELECT party_id FROM scope))
  UNION ALL
  SELECT owner_party_id, owner_name, NULL, owner_name, credit_code, NULL, NULL, first_loaded_batch, updated_batch, 2
  FROM fact_copyright
  WHERE getvariable('ipwh_party_scope') = 'all' OR owner_party_id IN (SELECT party_id FROM scope)
  UNION ALL
  SELECT applicant_party_id, applicant, NULL, applicant, NULL, NULL, NULL, first_loaded_batch, updated_batch, 3
  FROM fact_gi_product
  WHERE applicant_party_id IS NOT NULL AND (getvariable('ipwh_party_scope') = 'all' OR applicant_party_id IN (SELECT party_id FROM scope))
),
named AS (
  SELECT derive_from, ipwh_applicant_type_from_name(derive_from) AS derived_type
  FROM (SELECT DISTINCT derive_from FROM parties WHERE derive_from IS NOT NULL)
),
typed AS (
  SELECT p.*, coalesce(p.given_type, n.derived_type) AS party_type
  FROM parties AS p
  LEFT JOIN named AS n USING (derive_from)
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
FROM typed
WHERE party_id IS NOT NULL
GROUP BY party_id;
