import { Initial1795472711773 } from './1795472711773-Initial';
import { Matching1795479382357 } from './1795479382357-Matching';
import { VacancyChanges1795481856173 } from './1795481856173-VacancyChanges';
import { VacancyChangeLock1795484400000 } from './1795484400000-VacancyChangeLock';
import { Offers1795484454076 } from './1795484454076-Offers';
import { Placements1795484717479 } from './1795484717479-Placements';
import { Outcomes1795485845681 } from './1795485845681-Outcomes';
import { Emergencies1795486579079 } from './1795486579079-Emergencies';
import { PlacementBedsAndAppRole1795487486154 } from './1795487486154-PlacementBedsAndAppRole';
import { HoldBedsAndAlertQueue1795488514943 } from './1795488514943-HoldBedsAndAlertQueue';
import { SupplySnapshots1795490217226 } from './1795490217226-SupplySnapshots';
import { SufficiencyRollups1795492771645 } from './1795492771645-SufficiencyRollups';
import { EndReasonLength1795495068725 } from './1795495068725-EndReasonLength';
import { ShortlistingsAndNeedReadiness1796223096827 } from './1796223096827-ShortlistingsAndNeedReadiness';
import { UserContactDetails1796289972206 } from './1796289972206-UserContactDetails';
import { Targeting1796290037768 } from './1796290037768-Targeting';
import { PlacementPlacedBy1796290535742 } from './1796290535742-PlacementPlacedBy';
import { MarketPositions1796295489191 } from './1796295489191-MarketPositions';
import { AccountControls1796296677277 } from './1796296677277-AccountControls';
import { OfferClosedReasons1796306484601 } from './1796306484601-OfferClosedReasons';
import { VacancyConfirmationAndDayTurns1796306528774 } from './1796306528774-VacancyConfirmationAndDayTurns';
import { LostJobSweeper1796306538824 } from './1796306538824-LostJobSweeper';
import { OfstedRegisterAndOutcomeConfirmation1796308116020 } from './1796308116020-OfstedRegisterAndOutcomeConfirmation';
import { VacancyChangeHorizon1796310000000 } from './1796310000000-VacancyChangeHorizon';
import { SufficiencyStaleMarks1796310100000 } from './1796310100000-SufficiencyStaleMarks';

/** Every migration, oldest first. Listed explicitly so builds and tests need no file globbing. */
export const MIGRATIONS = [Initial1795472711773, Matching1795479382357, VacancyChanges1795481856173, VacancyChangeLock1795484400000, Offers1795484454076, Placements1795484717479, Outcomes1795485845681, Emergencies1795486579079, PlacementBedsAndAppRole1795487486154, HoldBedsAndAlertQueue1795488514943, SupplySnapshots1795490217226, SufficiencyRollups1795492771645, EndReasonLength1795495068725, ShortlistingsAndNeedReadiness1796223096827, UserContactDetails1796289972206, Targeting1796290037768, PlacementPlacedBy1796290535742, MarketPositions1796295489191, AccountControls1796296677277, OfferClosedReasons1796306484601, VacancyConfirmationAndDayTurns1796306528774, LostJobSweeper1796306538824, OfstedRegisterAndOutcomeConfirmation1796308116020, VacancyChangeHorizon1796310000000, SufficiencyStaleMarks1796310100000];
