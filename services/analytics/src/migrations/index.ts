import { CreateReadModels1797100000000 } from './1797100000000-create-read-models';
import { CreatePolicyCount1797100100000 } from './1797100100000-create-policy-count';
import { SeedRootCauseTaxonomy1797100200000 } from './1797100200000-seed-root-cause-taxonomy';
import { CreateRootCauseItems1797100300000 } from './1797100300000-create-root-cause-items';
import { AddPremiumAndInsured1797100400000 } from './1797100400000-add-premium-and-insured';
import { CreateImprovementActions1797100500000 } from './1797100500000-create-improvement-actions';
import { SeedExperienceIndex1797100600000 } from './1797100600000-seed-experience-index';
import { CreateScheduledReports1797100700000 } from './1797100700000-create-scheduled-reports';
import { AddCustomerSegment1797100800000 } from './1797100800000-add-customer-segment';
import { AddReviews1797100900000 } from './1797100900000-add-reviews';

/** The analytics schema's migrations, in order (the rebuild command runs them too). */
export const ANALYTICS_MIGRATIONS = [
  CreateReadModels1797100000000,
  CreatePolicyCount1797100100000,
  SeedRootCauseTaxonomy1797100200000,
  CreateRootCauseItems1797100300000,
  AddPremiumAndInsured1797100400000,
  CreateImprovementActions1797100500000,
  SeedExperienceIndex1797100600000,
  CreateScheduledReports1797100700000,
  AddCustomerSegment1797100800000,
  AddReviews1797100900000,
];
