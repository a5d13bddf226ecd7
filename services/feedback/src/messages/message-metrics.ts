import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '@complaints/messaging';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './customer-message.entity';

/**
 * Operators' view of customer messages, without personal data: counts by kind and status,
 * read from the schema at scrape time (so they hold across restarts and instances).
 * `status="undeliverable"` counts customers who could not be told on any channel.
 */
@Injectable()
export class MessageMetrics {
  constructor(metrics: MessagingMetrics, @InjectDataSource() dataSource: DataSource) {
    new Gauge({
      name: 'complaints_customer_messages',
      help: 'Messages to customers by kind and status (pending, told, undeliverable, refused)',
      labelNames: ['kind', 'status'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const kind of MESSAGE_KINDS)
          for (const status of MESSAGE_STATUSES) this.set({ kind, status }, 0);
        const rows: { kind: string; status: string; n: string }[] = await dataSource.query(
          `SELECT kind, status, count(*) AS n FROM customer_message GROUP BY 1, 2`,
        );
        for (const r of rows) this.set({ kind: r.kind, status: r.status }, Number(r.n));
      },
    });
  }
}
