-- Inside a load's transaction (Loader.Integrate), before any merge: this batch is pending for the next
-- indicator refresh. Rolled back with the load if it fails.

INSERT INTO etl_indicator_pending
SELECT getvariable('ipwh_batch');
