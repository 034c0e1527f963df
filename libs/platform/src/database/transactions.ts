import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A unit of work: the stores, the outbox and the audit trail written inside one commit. */
export type Tx = EntityManager;

/** The port use cases open their transactions through, so they run against in-memory stores in unit tests. */
export abstract class Transactions {
  abstract run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;

  /** Reads outside any transaction (each statement on its own): no BEGIN and COMMIT around a plain read. */
  abstract read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;

  /** Reads in one snapshot (REPEATABLE READ): every statement sees the same commits. */
  abstract snapshot<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

@Injectable()
export class TypeOrmTransactions extends Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  override run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  override read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  override snapshot<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }
}

/**
 * For unit tests with in-memory stores, which ignore the transaction they are handed. A failing
 * unit of work rethrows; in-memory stores apply writes at once, so tests that need rollback
 * assert on what the use case refused before writing.
 */
export class InMemoryTransactions extends Transactions {
  private readonly tx = Object.freeze({}) as Tx;
  count = 0;

  override async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.count++;
    return work(this.tx);
  }

  override async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.tx);
  }

  override async snapshot<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.tx);
  }
}
