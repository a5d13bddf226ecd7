import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { MessagingMetrics } from '@complaints/messaging';
import { Public } from '../auth/auth.decorators';

/**
 * Prometheus text: messaging metrics per topic, HTTP metrics and the process's own. Public to
 * the scraper: it holds no personal data.
 */
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MessagingMetrics) {}

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
