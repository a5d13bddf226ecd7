import { IsBoolean, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { OptionalNotNull } from '../validation/contract.decorators';

/** Age bands, in years at receipt: a band only, never a birth date. */
export const AGE_BANDS = [
  'under_18',
  '18_24',
  '25_34',
  '35_44',
  '45_54',
  '55_64',
  '65_74',
  '75_plus',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The customer segment the calling system told intake, carried from complaints.received.v1 to
 * the archived record so analysts can group by it: an age band and whether the customer is
 * vulnerable (the insurer's own assessment). Each part is absent when it was not given.
 */
export class CustomerSegment {
  @JSONSchema({ description: 'age band in years at receipt (a band only, never a birth date)' })
  @OptionalNotNull()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @JSONSchema({ description: 'the insurer assessed the customer as vulnerable' })
  @OptionalNotNull()
  @IsBoolean()
  vulnerable?: boolean;
}
