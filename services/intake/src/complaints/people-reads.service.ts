import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Actor, AuditTrail } from '@complaints/platform';
import { complainantAccess, mayReadComplaint } from './complaint-access';
import { Complaint } from './complaint.entity';
import { ComplaintErrors } from './complaint.errors';
import { complainantView, statusView } from './complaint-views';
import { ComplainantDto } from './dto/complainant.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';

/**
 * What people (access tokens) read here, permission-checked and audited before the answer.
 * A complaint they may not see answers exactly as a missing one.
 */
@Injectable()
export class PeopleReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async status(actor: Actor, request: FastifyRequest, id: string): Promise<ComplaintStatusDto> {
    const complaint = await this.find(id);
    if (!complaint || !mayReadComplaint(actor, complaint)) throw ComplaintErrors.notFound(id);
    await this.audit.recordRead(request, {
      action: 'complaint.read',
      kind: 'read',
      complaintId: id,
    });
    return statusView(complaint);
  }

  async complainant(actor: Actor, request: FastifyRequest, id: string): Promise<ComplainantDto> {
    const complaint = await this.find(id);
    const access = complaint ? complainantAccess(actor, complaint) : 'hidden';
    if (!complaint || access === 'hidden') throw ComplaintErrors.notFound(id);
    if (access === 'not-assigned') {
      await this.audit.recordRead(request, {
        action: 'complainant.read-refused',
        kind: 'read',
        complaintId: id,
        details: { reason: 'not-assigned' },
      });
      throw ComplaintErrors.complainantNotAssigned();
    }
    await this.audit.recordRead(request, {
      action: 'complainant.read',
      kind: 'read',
      complaintId: id,
    });
    return complainantView(complaint);
  }

  private find(id: string): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOneBy({ id });
  }
}
