import { Module } from '@nestjs/common';
import { ComplaintAssignedConsumer } from './complaint-assigned.consumer';

@Module({ providers: [ComplaintAssignedConsumer] })
export class DepartmentsModule {}
