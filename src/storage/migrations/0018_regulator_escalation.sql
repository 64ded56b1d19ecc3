-- The day an outlier case was escalated to the regulator because the provider missed a
-- deadline (domain/outlier_case.hpp): from then on the regulator sees the case.
ALTER TABLE outlier_cases ADD COLUMN escalated_on {date};
