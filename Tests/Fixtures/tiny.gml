graph [
  directed 1
  node [ id 10 name "alice" ]
  node [ id 20 name "bob" ]
  node [ id 30 name "carol" ]
  node [ id 40 name "dave" ]
  edge [ source 10 target 20 weight 0.5 ]
  edge [ source 20 target 30 weight 0.25 ]
  edge [ source 30 target 10 weight 1.0 ]
  edge [ source 30 target 40 weight 0.75 ]
  edge [ source 40 target 40 weight 0.1 ]
]
