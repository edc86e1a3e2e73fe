-- The version-1 shapes of the tables version 2 changes (warehouse-sql/schema/ at schema version 1),
-- frozen here so that SchemaMigrationTests can build a version-1 warehouse and migrate it.


CREATE TABLE IF NOT EXISTS region_succession (
  old_code       VARCHAR NOT NULL,
  new_code       VARCHAR NOT NULL,
  effective_date DATE NOT NULL,
  reason         VARCHAR,
  PRIMARY KEY (old_code, new_code, effective_date)
);


CREATE TABLE IF NOT EXISTS fact_patent (
  application_no           VARCHAR NOT NULL,
  patent_type              VARCHAR NOT NULL,
  application_date         DATE NOT NULL,
  grant_date               DATE,
  lapse_date               DATE,
  is_pct_national_phase    BOOLEAN NOT NULL DEFAULT FALSE,
  first_applicant_name     VARCHAR NOT NULL,
  first_applicant_party_id VARCHAR,
  applicant_type           VARCHAR NOT NULL,
  applicant_address        VARCHAR,
  credit_code              VARCHAR,
  region_code              VARCHAR NOT NULL,
  attribution_method       VARCHAR NOT NULL,
  ipc_main                 VARCHAR,
  hv_sei                   BOOLEAN NOT NULL DEFAULT FALSE,
  hv_overseas_family       BOOLEAN NOT NULL DEFAULT FALSE,
  hv_pledge                BOOLEAN NOT NULL DEFAULT FALSE,
  hv_award                 BOOLEAN NOT NULL DEFAULT FALSE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_trademark (
  application_no     VARCHAR NOT NULL,
  mark_kind          VARCHAR,
  is_gi              BOOLEAN NOT NULL DEFAULT FALSE,
  nice_class         INTEGER,
  application_date   DATE NOT NULL,
  registration_date  DATE,
  expiry_date        DATE,
  cancellation_date  DATE,
  applicant_name     VARCHAR NOT NULL,
  applicant_party_id VARCHAR,
  applicant_address  VARCHAR,
  credit_code        VARCHAR,
  region_code        VARCHAR NOT NULL,
  attribution_method VARCHAR NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_case (
  case_no          VARCHAR NOT NULL,
  case_type        VARCHAR NOT NULL,
  campaign         VARCHAR,
  filed_date       DATE NOT NULL,
  closed_date      DATE,
  transferred_date DATE,
  suspended_days   INTEGER NOT NULL DEFAULT 0,
  is_online        BOOLEAN NOT NULL DEFAULT FALSE,
  region_code      VARCHAR NOT NULL,
  involved_amount  DECIMAL(18, 2),
  fine_amount      DECIMAL(18, 2),
  department       VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_subsidy_payment (
  payment_no            VARCHAR NOT NULL,
  program               VARCHAR NOT NULL,
  recipient_name        VARCHAR NOT NULL,
  recipient_type        VARCHAR NOT NULL,
  recipient_party_id    VARCHAR,
  recipient_credit_code VARCHAR,
  recipient_id_hash     VARCHAR,
  recipient_id_mask     VARCHAR,
  base_amount           DECIMAL(18, 2),
  paid_amount           DECIMAL(18, 2) NOT NULL,
  paid_date             DATE NOT NULL,
  gov_level             VARCHAR NOT NULL,
  region_code           VARCHAR NOT NULL,
  related_no            VARCHAR,
  is_foreign_or_major   BOOLEAN NOT NULL DEFAULT FALSE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_population (
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  population_type VARCHAR NOT NULL DEFAULT 'resident',
  population      BIGINT NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_target (
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  indicator       VARCHAR NOT NULL,
  comparator      VARCHAR NOT NULL,
  target_value    DECIMAL(18, 4),
  source_document VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_designation (
  credit_code     VARCHAR,
  enterprise_name VARCHAR NOT NULL,
  designation     VARCHAR NOT NULL,
  level           VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS fact_training (
  event_id     VARCHAR NOT NULL,
  event_date   DATE NOT NULL,
  region_code  VARCHAR NOT NULL,
  person_times BIGINT NOT NULL,
  topic        VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);


CREATE TABLE IF NOT EXISTS schema_version (
  version    INTEGER NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (version)
);

CREATE TABLE IF NOT EXISTS etl_reject (
  batch_id    VARCHAR NOT NULL,
  source_name VARCHAR NOT NULL,
  source_file VARCHAR,
  source_row  BIGINT NOT NULL,
  column_name VARCHAR NOT NULL,
  raw_value   VARCHAR,
  reason      VARCHAR NOT NULL CHECK (reason IN (
    'missing_required', 'bad_date', 'bad_number', 'bad_enum', 'bad_check_digit', 'date_order',
    'unknown_region', 'region_unresolved'
  )),
  message     VARCHAR NOT NULL
);
