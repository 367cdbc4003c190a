import './site.css'
import { enhanceElderToggle } from './elder'
import { enhancePlayers } from './player'
import { enhanceLive } from './live'

enhanceElderToggle(document)
enhancePlayers(document)
enhanceLive(document)
