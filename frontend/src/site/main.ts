import './site.css'
import { enhanceElderToggle } from './elder'
import { enhancePlayers } from './player'
import { enhanceLive } from './live'
import { enhanceLandscape } from './landscape'
import { enhanceReach } from './reach'

enhanceElderToggle(document)
enhancePlayers(document)
enhanceLive(document)
enhanceLandscape(document)
enhanceReach(document)
