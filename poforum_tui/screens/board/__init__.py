"""The Board: columns of topic cards, capture, dot voting, moving topics on."""
