import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO4217CurrencyCode, Matches, Max, Min } from 'class-validator';
import { CURRENCY_CODE_PATTERN } from '@complaints/contracts';

/** Money in minor units (fen, pence, cents): 12.34 CNY is { amountMinor: 1234, currency: 'CNY' }. */
export class MoneyAmountDto {
  @ApiProperty({ description: 'minor units of currency, >= 0', example: 50000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217 code' })
  @Matches(CURRENCY_CODE_PATTERN, { message: 'currency must be an ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency: string;
}
