import { IsISO4217CurrencyCode, IsInt, Matches, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { CURRENCY_CODE_PATTERN } from '../../validation/contract.patterns';

/**
 * An amount of money in minor units (fen, pence, cents) so no floating point is ever involved.
 * 12.34 CNY is `{ amountMinor: 1234, currency: 'CNY' }`.
 */
export class MoneyAmount {
  /** Minor units of `currency`, >= 0. */
  @JSONSchema({ description: 'minor units of currency (e.g. fen, pence, cents), >= 0' })
  @Min(0)
  @IsInt()
  amountMinor: number;

  @Matches(CURRENCY_CODE_PATTERN, { message: '$property must be an ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency: string;
}
