import './site.css'
import { enhanceElderToggle } from './elder'
import { enhancePlayers } from './player'

enhanceElderToggle(document)
enhancePlayers(document)
