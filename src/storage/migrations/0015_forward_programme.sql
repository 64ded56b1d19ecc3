-- The forward programme (domain/forward_programme.hpp, docs/governance.md): each local audit's
-- priority tier in the year's programme. Audits registered before the tier existed take the
-- tier their reason gives (domain::programme_tier_of); those with no reason stay without one
-- and the programme lists them as local interest until the audit team says otherwise.
ALTER TABLE local_audit_entries ADD COLUMN programme_tier text;
UPDATE local_audit_entries SET programme_tier = CASE reason
    WHEN 'national_requirement' THEN 'national_mandatory'
    WHEN 'nice_guidance' THEN 'trust_priority'
    WHEN 'trust_priority' THEN 'trust_priority'
    WHEN 'incident_or_complaint' THEN 'divisional'
    WHEN 'local_interest' THEN 'local_interest'
  END
WHERE reason IS NOT NULL;
