-- The person with the chief executive's duty in the outlier process (domain/organisation.hpp):
-- they acknowledge an alarm for their organisation. Empty until the organisation's
-- administrator names them on the users page.
ALTER TABLE organisations ADD COLUMN chief_executive_id {bigint} REFERENCES users (id);
