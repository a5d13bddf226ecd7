import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RootCauseTaxonomy } from './root-cause.taxonomy';
import { loadTaxonomy } from './taxonomy.loader';

/** The latest taxonomy version, read once at start (versions are migration data). */
@Injectable()
export class TaxonomyProvider implements OnModuleInit {
  private current?: RootCauseTaxonomy;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    this.current = await loadTaxonomy((sql, params) => this.dataSource.query(sql, params));
  }

  get taxonomy(): RootCauseTaxonomy {
    if (!this.current) throw new Error('the root-cause taxonomy is not loaded yet');
    return this.current;
  }
}
