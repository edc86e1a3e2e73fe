-- stg_training: one source's training events (培训), typed and checked.
-- Grain: one row per landed source row. Natural key event_id.

CREATE OR REPLACE TEMP TABLE stg_training AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.event_id AS raw_event_id,
    r.event_date AS raw_event_date,
    r.region_code AS raw_region_code,
    r.person_times AS raw_person_times,
    ipwh_clean(r.event_id) AS event_id,
    ipwh_date(r.event_date) AS event_date,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_int(r.person_times) AS person_times,
    ipwh_clean(r.topic) AS topic
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.event_id,
  t.event_date,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  t.person_times,
  t.topic,
  coalesce(
    ipwh_required_problem('event_id', t.raw_event_id, ipwh_clean(t.raw_event_id)),
    ipwh_required_problem('event_date', t.raw_event_date, ipwh_clean(t.raw_event_date)),
    ipwh_date_problem('event_date', t.raw_event_date, ipwh_clean(t.raw_event_date), t.event_date),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note),
    ipwh_required_problem('person_times', t.raw_person_times, ipwh_clean(t.raw_person_times)),
    ipwh_number_problem('person_times', t.raw_person_times, ipwh_clean(t.raw_person_times), t.person_times)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
