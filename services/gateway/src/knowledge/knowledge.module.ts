import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ArticlesHttpController } from './articles.http-controller';
import { knowledgeClientProvider } from './knowledge-client.provider';
import { KnowledgeHttpController } from './knowledge.http-controller';

@Module({
  // Links to tickets are shown and made only for tickets the caller may see.
  imports: [TicketsModule],
  controllers: [KnowledgeHttpController, ArticlesHttpController],
  providers: [knowledgeClientProvider],
})
export class KnowledgeModule {}
