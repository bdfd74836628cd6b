import { IsUUID, Matches } from 'class-validator';
import { IDENTIFIER, IDENTIFIER_MESSAGE } from './common.dto';

export class SalesCustomerParams {
  @IsUUID() customerId!: string;
}

export class OwnerParams {
  @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) ownerId!: string;
}
