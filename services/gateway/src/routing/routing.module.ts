import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { AgentsHttpController } from './agents.http-controller';
import { ROUTING_CLIENT, routingClientProvider } from './routing-client.provider';
import { RoutingRulesHttpController } from './routing-rules.http-controller';
import { RoutingHttpController } from './routing.http-controller';
import { SupportHttpController } from './support.http-controller';
import { TicketRoutingHttpController } from './ticket-routing.http-controller';

/** Lines, groups, agents, rules, settings and the classifier of the routing service. */
@Module({
  // A ticket's routing and escalations are served only for tickets the caller may see.
  imports: [TicketsModule],
  controllers: [
    SupportHttpController,
    AgentsHttpController,
    RoutingRulesHttpController,
    RoutingHttpController,
    TicketRoutingHttpController,
  ],
  providers: [routingClientProvider],
  // Identity reads a signed-in agent's support groups through it.
  exports: [ROUTING_CLIENT],
})
export class RoutingModule {}
